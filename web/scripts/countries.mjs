// Writes the country table the server and the dashboard use to place country-level events on the map:
// ISO alpha-3 code -> name, ISO numeric id (the world-atlas feature id) and a representative point.
// Geometry: Natural Earth 1:50m admin-0 countries from the world-atlas npm package. The point is the
// spherical centroid of a country's largest polygon, so France sits in Europe rather than between it and
// French Guiana, and the United States in the contiguous states.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { geoArea, geoCentroid } from 'd3-geo';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/countries.mjs OUT.json');
  process.exit(2);
}

const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const { features } = feature(topology, topology.objects.countries);
const table = {};
let skipped = 0;
for (const f of features) {
  const alpha3 = f.id ? countries.numericToAlpha3(f.id) : undefined;
  if (!alpha3 || !f.geometry) {
    skipped++; // disputed areas without an ISO code (e.g. N. Cyprus, Somaliland) are drawn but not placed
    continue;
  }
  let shape = f.geometry;
  if (shape.type === 'MultiPolygon') {
    let best = null;
    let bestArea = -1;
    for (const coordinates of shape.coordinates) {
      const polygon = { type: 'Polygon', coordinates };
      const area = geoArea(polygon);
      if (area > bestArea) {
        bestArea = area;
        best = polygon;
      }
    }
    shape = best;
  }
  const [lon, lat] = geoCentroid(shape);
  table[alpha3] = { name: f.properties.name, numeric: f.id, lat: Math.round(lat * 1000) / 1000, lon: Math.round(lon * 1000) / 1000 };
}
const sorted = Object.fromEntries(Object.keys(table).sort().map((k) => [k, table[k]]));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(sorted, null, 1) + '\n');
console.log(`countries: ${Object.keys(sorted).length} placed, ${skipped} without an ISO code, -> ${out}`);
