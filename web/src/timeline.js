// Timeline: cooperation stacked above the axis, conflict below it, one bar group per period.
import { select } from 'd3-selection';
import { scaleBand, scaleLinear } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { line, curveMonotoneX } from 'd3-shape';
import { QUADS } from './codes.js';
import { el, fix } from './dom.js';

const UP = [1, 2];
const DOWN = [3, 4];

/** Draws the legend once. */
export function legend(container) {
  container.replaceChildren(
    ...[1, 2, 3, 4].map((q) => el('span', { class: 'key' }, el('i', { style: `background:${QUADS[q].colour}` }), QUADS[q].label)),
    el('span', { class: 'key' }, el('i', { class: 'line' }), 'mean Goldstein (right axis)'),
  );
}

/** Renders the series ({by, items:[{period, quad1..quad4, events, goldstein_mean}]}) into the container. */
export function renderTimeline(container, series, onPick) {
  container.replaceChildren();
  const items = series.items ?? [];
  if (items.length === 0) {
    container.append(el('p', { class: 'empty' }, 'No dated events for these filters.'));
    return;
  }
  const width = Math.max(container.clientWidth, 600);
  const height = 260;
  const margin = { top: 12, right: 44, bottom: 28, left: 44 };
  const svg = select(container).append('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('class', 'timeline');
  const up = (d) => d.quad1 + d.quad2;
  const down = (d) => d.quad3 + d.quad4;
  const max = Math.max(1, ...items.map(up), ...items.map(down));
  const x = scaleBand().domain(items.map((d) => d.period)).range([margin.left, width - margin.right]).paddingInner(0.15);
  const y = scaleLinear().domain([-max, max]).nice().range([height - margin.bottom, margin.top]);
  const g = scaleLinear().domain([-10, 10]).range([height - margin.bottom, margin.top]);

  const every = Math.ceil(items.length / Math.max(1, Math.floor((width - 90) / 70)));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).tickValues(items.map((d) => d.period).filter((_, i) => i % every === 0)).tickSizeOuter(0));
  svg.append('line').attr('class', 'zero').attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', y(0)).attr('y2', y(0));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`)
    .call(axisLeft(y).ticks(6).tickFormat((v) => String(Math.abs(v))));
  const right = svg.append('g').attr('class', 'axis goldstein').attr('transform', `translate(${width - margin.right},0)`);
  for (const v of [-10, -5, 0, 5, 10]) {
    right.append('text').attr('x', 6).attr('y', g(v)).attr('dy', '0.32em').text(v);
  }

  const bars = svg.append('g').attr('class', 'bars');
  for (const d of items) {
    let top = 0;
    for (const q of UP) {
      const n = d[`quad${q}`];
      if (n > 0) {
        bars.append('rect').attr('class', `bar q${q}`).attr('x', x(d.period)).attr('width', x.bandwidth())
          .attr('y', y(top + n)).attr('height', y(top) - y(top + n)).attr('fill', QUADS[q].colour)
          .on('click', () => onPick?.(d))
          .append('title').text(`${d.period}: ${n} ${QUADS[q].label}`);
        top += n;
      }
    }
    let bottom = 0;
    for (const q of DOWN) {
      const n = d[`quad${q}`];
      if (n > 0) {
        bars.append('rect').attr('class', `bar q${q}`).attr('x', x(d.period)).attr('width', x.bandwidth())
          .attr('y', y(-bottom)).attr('height', y(-bottom - n) - y(-bottom)).attr('fill', QUADS[q].colour)
          .on('click', () => onPick?.(d))
          .append('title').text(`${d.period}: ${n} ${QUADS[q].label}`);
        bottom += n;
      }
    }
  }
  const points = items.filter((d) => d.goldstein_mean !== null && d.goldstein_mean !== undefined);
  const path = line().x((d) => x(d.period) + x.bandwidth() / 2).y((d) => g(d.goldstein_mean)).curve(curveMonotoneX);
  svg.append('path').attr('class', 'goldstein-line').attr('d', path(points));
  svg.append('g').attr('class', 'goldstein-points').selectAll('circle').data(points).join('circle')
    .attr('cx', (d) => x(d.period) + x.bandwidth() / 2).attr('cy', (d) => g(d.goldstein_mean)).attr('r', 2.5)
    .append('title').text((d) => `${d.period}: ${d.events} events, mean Goldstein ${fix(d.goldstein_mean)}`);
  svg.append('text').attr('class', 'axis-label').attr('x', margin.left + 4).attr('y', margin.top + 4).text('cooperation ↑');
  svg.append('text').attr('class', 'axis-label').attr('x', margin.left + 4).attr('y', height - margin.bottom - 6).text('conflict ↓');
}
