// World map: Natural Earth 1:110m countries (world-atlas), events as circles sized by count.
import { select } from 'd3-selection';
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { zoom } from 'd3-zoom';
import { feature, mesh } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { goldsteinColour } from './codes.js';
import { fix } from './dom.js';

const land = feature(world, world.objects.countries);
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);

/** Renders places ({items:[{name, country, lat, lon, precision, events, goldstein_mean}]}) on a world map. */
export function renderMap(container, places, onPick) {
  container.replaceChildren();
  const width = Math.max(container.clientWidth, 360);
  const height = Math.round(width * 0.52);
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = select(container).append('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('class', 'map');
  const layer = svg.append('g');
  layer.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
  layer.append('path').attr('class', 'graticule').attr('d', path(geoGraticule10()));
  layer.append('g').attr('class', 'countries').selectAll('path').data(land.features).join('path')
    .attr('class', 'country').attr('d', path)
    .append('title').text((d) => d.properties.name);
  layer.append('path').attr('class', 'borders').attr('d', path(borders));

  const items = (places.items ?? []).filter((p) => p.lat !== null && p.lon !== null);
  const max = Math.max(1, ...items.map((p) => p.events));
  const r = scaleSqrt().domain([0, max]).range([0, Math.max(14, width / 28)]);
  const markers = layer.append('g').attr('class', 'markers');
  markers.selectAll('circle').data(items.sort((a, b) => b.events - a.events)).join('circle')
    .attr('class', 'marker')
    .attr('cx', (p) => projection([p.lon, p.lat])[0])
    .attr('cy', (p) => projection([p.lon, p.lat])[1])
    .attr('r', (p) => Math.max(2.5, r(p.events)))
    .attr('fill', (p) => goldsteinColour(p.goldstein_mean))
    .attr('data-country', (p) => p.country ?? '')
    .on('click', (_, p) => onPick?.(p))
    .append('title').text((p) => `${p.name}${p.precision === 'country' ? '' : ` (${p.country ?? '?'})`}: ${p.events} events, mean Goldstein ${fix(p.goldstein_mean)}`);

  svg.call(zoom().scaleExtent([1, 12]).translateExtent([[0, 0], [width, height]]).on('zoom', (event) => {
    layer.attr('transform', event.transform);
    markers.selectAll('circle').attr('stroke-width', 1 / event.transform.k);
  }));
  const unplaced = places.unplaced ?? 0;
  if (unplaced > 0) {
    select(container).append('p').attr('class', 'note').text(`${unplaced} events have no place or country and are not on the map.`);
  }
}
