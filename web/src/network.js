// Dyad network: actors as nodes, directed dyads as curved arrows, laid out by d3-force (run to rest, then drawn).
import { select } from 'd3-selection';
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from 'd3-force';
import { scaleSqrt, scaleLinear } from 'd3-scale';
import { goldsteinColour } from './codes.js';
import { el, fix } from './dom.js';

/** Renders dyads ({items:[{source, target, events, goldstein_mean}]}); onNode(code), onEdge(dyad). */
export function renderNetwork(container, dyads, names, onNode, onEdge) {
  container.replaceChildren();
  const items = dyads.items ?? [];
  if (items.length === 0) {
    container.append(el('p', { class: 'empty' }, 'No events with both a source and a target for these filters.'));
    return;
  }
  const width = Math.max(container.clientWidth, 360);
  const height = Math.round(width * 0.52);
  const degree = new Map();
  for (const d of items) {
    degree.set(d.source, (degree.get(d.source) ?? 0) + d.events);
    degree.set(d.target, (degree.get(d.target) ?? 0) + d.events);
  }
  const nodes = [...degree.keys()].sort().map((id) => ({ id, weight: degree.get(id) }));
  const links = items.map((d) => ({ ...d, source: d.source, target: d.target }));
  const radius = scaleSqrt().domain([0, Math.max(...nodes.map((n) => n.weight))]).range([4, 22]);
  const stroke = scaleLinear().domain([1, Math.max(2, ...items.map((d) => d.events))]).range([1.2, 7]);

  // Deterministic start on a circle, then run the simulation to rest before drawing (no animation to wait for).
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length;
    n.x = width / 2 + (width / 3) * Math.cos(a);
    n.y = height / 2 + (height / 3) * Math.sin(a);
  });
  const simulation = forceSimulation(nodes)
    .force('link', forceLink(links).id((n) => n.id).distance(80).strength(0.4))
    .force('charge', forceManyBody().strength(-220))
    .force('center', forceCenter(width / 2, height / 2))
    .force('x', forceX(width / 2).strength(0.06))
    .force('y', forceY(height / 2).strength(0.1))
    .force('collide', forceCollide((n) => radius(n.weight) + 3))
    .stop();
  simulation.tick(300);
  for (const n of nodes) {
    const r = radius(n.weight) + 2;
    n.x = Math.max(r, Math.min(width - r, n.x));
    n.y = Math.max(r, Math.min(height - r, n.y));
  }

  const svg = select(container).append('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('class', 'network');
  const defs = svg.append('defs');
  defs.append('marker').attr('id', 'arrow').attr('viewBox', '0 -5 10 10').attr('refX', 9).attr('markerUnits', 'userSpaceOnUse')
    .attr('markerWidth', 9).attr('markerHeight', 9).attr('orient', 'auto').append('path').attr('d', 'M0,-5L10,0L0,5').attr('fill', '#555');

  const edge = (d) => {
    const dx = d.target.x - d.source.x;
    const dy = d.target.y - d.source.y;
    const len = Math.hypot(dx, dy) || 1;
    const rt = radius(d.target.weight) + 3;
    const tx = d.target.x - (dx / len) * rt;
    const ty = d.target.y - (dy / len) * rt;
    if (d.source === d.target) {
      const r = Math.min(10, radius(d.source.weight));
      const top = d.source.y - radius(d.source.weight);
      return `M${d.source.x - r * 0.6},${top + 2}a${r},${r} 0 1,1 ${r * 1.2},0`;
    }
    return `M${d.source.x},${d.source.y}A${len * 1.4},${len * 1.4} 0 0,1 ${tx},${ty}`;
  };
  svg.append('g').attr('class', 'links').selectAll('path').data(links).join('path')
    .attr('class', 'link').attr('d', edge).attr('stroke', (d) => goldsteinColour(d.goldstein_mean))
    .attr('stroke-width', (d) => stroke(d.events)).attr('marker-end', 'url(#arrow)')
    .on('click', (_, d) => onEdge?.(`${d.source.id}-${d.target.id}`))
    .append('title').text((d) => `${d.source.id} → ${d.target.id}: ${d.events} events, mean Goldstein ${fix(d.goldstein_mean)}`);
  const node = svg.append('g').attr('class', 'nodes').selectAll('g').data(nodes).join('g')
    .attr('class', 'node').attr('transform', (n) => `translate(${n.x},${n.y})`)
    .on('click', (_, n) => onNode?.(n.id));
  node.append('circle').attr('r', (n) => radius(n.weight));
  node.append('text').attr('dy', (n) => -radius(n.weight) - 3).text((n) => n.id);
  node.append('title').text((n) => `${names[n.id]?.name ?? n.id}: ${n.weight} events as source or target`);
}
