// Casus dashboard: filters in the header drive every view; state lives in the URL hash so a view can be shared.
import './style.css';
import { get } from './api.js';
import { ROOTS } from './codes.js';
import { el, fix, fmt } from './dom.js';
import { legend, renderTimeline } from './timeline.js';
import { renderMap } from './map.js';
import { renderNetwork } from './network.js';
import { renderTable } from './table.js';
import { renderDetail, renderDocument } from './detail.js';

const PAGE = 25;
const FORM_KEYS = ['from', 'to', 'country', 'actor', 'quad_class', 'root', 'modality'];
const CHIP_KEYS = { dyad: 'dyad', place: 'place' };

const form = document.getElementById('filters');
const $ = (id) => document.getElementById(id);
let names = {};
let filters = {};
let offset = 0;
let selected = null;
let generation = 0;

function readHash() {
  const q = new URLSearchParams(location.hash.slice(1));
  filters = {};
  for (const k of [...FORM_KEYS, ...Object.keys(CHIP_KEYS)]) {
    if (q.get(k)) {
      filters[k] = q.get(k);
    }
  }
  offset = Number(q.get('offset') ?? 0) || 0;
  selected = q.get('event');
}

function writeHash() {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v) {
      q.set(k, v);
    }
  }
  if (offset) {
    q.set('offset', String(offset));
  }
  if (selected) {
    q.set('event', selected);
  }
  const hash = q.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

function syncForm() {
  for (const k of FORM_KEYS) {
    const input = form.elements.namedItem(k);
    if (input) {
      input.value = filters[k] ?? '';
    }
  }
  const chips = $('chips');
  chips.replaceChildren(...Object.keys(CHIP_KEYS).filter((k) => filters[k]).map((k) =>
    el('button', { type: 'button', class: 'chip', dataset: { key: k }, title: 'remove this filter', onclick: () => setFilter(k, '') }, `${k}: ${filters[k]} ×`)));
}

function setFilter(key, value) {
  filters = { ...filters, [key]: value };
  if (!value) {
    delete filters[key];
  }
  offset = 0;
  syncForm();
  refresh();
}

function showError(error) {
  const box = $('error');
  box.textContent = error ? `Could not load: ${error.message}` : '';
  box.hidden = !error;
}

function bucket(from, to) {
  if (!from || !to) {
    return 'week';
  }
  const days = (Date.parse(to) - Date.parse(from)) / 86400000;
  return days <= 62 ? 'day' : days <= 731 ? 'week' : 'month';
}

async function loadEvents(gen) {
  const page = await get('events', { ...filters, limit: PAGE, offset });
  if (gen !== generation) {
    return;
  }
  renderTable(document.querySelector('#events tbody'), page, openEvent, selected);
  const last = Math.min(page.total, offset + page.items.length);
  $('page-info').textContent = page.total ? `${fmt(offset + 1)}–${fmt(last)} of ${fmt(page.total)}` : '0 of 0';
  $('events-hint').textContent = `${fmt(page.total)} merged events; click one for its evidence`;
  document.querySelector('[data-page=prev]').disabled = offset === 0;
  document.querySelector('[data-page=next]').disabled = last >= page.total;
}

async function refresh() {
  const gen = ++generation;
  document.body.dataset.state = 'loading';
  writeHash();
  try {
    const summary = await get('summary', filters);
    if (gen !== generation) {
      return;
    }
    $('total-events').textContent = fmt(summary.events);
    $('total-documents').textContent = fmt(summary.documents);
    $('total-countries').textContent = fmt(summary.countries);
    $('total-dates').textContent = summary.first_date ? `${summary.first_date} – ${summary.last_date}` : '–';
    $('total-goldstein').textContent = fix(summary.goldstein_mean);
    // Without chosen dates the timeline spans the 5th to 99th percentile of event dates: a few events dated decades
    // back (history mentioned in the news) would otherwise flatten it.
    const from = filters.from ?? summary.typical_from;
    const to = filters.to ?? summary.typical_to;
    const by = bucket(from, to);
    const clipped = (!filters.from && from !== summary.first_date) || (!filters.to && to !== summary.last_date);
    $('timeline-hint').textContent = `events per ${by}${clipped ? `, ${from} – ${to} (most events; choose dates to see all)` : ''}`;
    const [series, places, dyads, alerts] = await Promise.all([
      get('series', { ...filters, from, to, by }),
      get('places', { ...filters, limit: 500 }),
      get('dyads', { ...filters, limit: 40 }),
      get('alerts', { ...filters, limit: 20 }),
      loadEvents(gen),
    ]);
    if (gen !== generation) {
      return;
    }
    renderTimeline($('timeline'), series, (d) => {
      filters = { ...filters, from: d.period, to: d.end };
      offset = 0;
      syncForm();
      refresh();
    });
    renderMap($('map'), places, (p) => (p.precision === 'country' || !p.name ? setFilter('country', p.country) : setFilter('place', p.name)));
    renderNetwork($('network'), dyads, names, (code) => setFilter(code.length === 3 ? 'country' : 'actor', code), (dyad) => setFilter('dyad', dyad));
    renderAlerts(alerts);
    showError(null);
    if (selected) {
      await openEvent(selected, false);
    }
    document.body.dataset.state = 'ready';
  } catch (error) {
    if (gen === generation) {
      showError(error);
      document.body.dataset.state = 'error';
    }
  }
}

function renderAlerts(alerts) {
  const list = $('alerts');
  const items = alerts.items ?? [];
  if (items.length === 0) {
    list.replaceChildren(el('li', { class: 'empty' }, 'No alerts for these filters.'));
    return;
  }
  list.replaceChildren(...items.map((a) => el('li', { class: `alert ${a.direction ?? ''}` },
    el('span', { class: 'when' }, a.period ?? ''),
    el('strong', {}, a.subject ?? ''),
    el('span', { class: 'what', title: a.rule ?? '' }, a.message ?? ''),
    el('button', { type: 'button', class: 'link', onclick: () => {
      filters = { ...filters, ...(a.filters ?? {}) };
      offset = 0;
      syncForm();
      refresh();
    } }, 'show'))));
}

async function openEvent(id, scroll = true) {
  selected = id;
  writeHash();
  for (const row of document.querySelectorAll('#events tr.event')) {
    row.classList.toggle('selected', row.dataset.id === id);
  }
  const panel = $('detail');
  const body = $('detail-body');
  try {
    const data = await get(`events/${encodeURIComponent(id)}`);
    renderDetail(body, data, async (docId, mentionId) => {
      const back = await renderDocument(body, docId, mentionId);
      back.addEventListener('click', () => openEvent(id));
    });
    panel.hidden = false;
    if (scroll) {
      panel.scrollTop = 0;
    }
  } catch (error) {
    body.replaceChildren(el('p', { class: 'error' }, error.message));
    panel.hidden = false;
  }
}

function closeDetail() {
  selected = null;
  $('detail').hidden = true;
  writeHash();
  for (const row of document.querySelectorAll('#events tr.event.selected')) {
    row.classList.remove('selected');
  }
}

async function start() {
  const roots = form.elements.namedItem('root');
  for (const [code, name] of Object.entries(ROOTS)) {
    roots.append(el('option', { value: code }, `${code} ${name}`));
  }
  legend($('timeline-legend'));
  names = await fetch('countries.json').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  const all = await get('summary', {}).catch(() => ({ by_country: [] }));
  const countries = form.elements.namedItem('country');
  for (const c of all.by_country ?? []) {
    countries.append(el('option', { value: c.country }, `${names[c.country]?.name ?? c.country} (${c.events})`));
  }
  form.addEventListener('change', (ev) => {
    const input = ev.target;
    if (input.name) {
      setFilter(input.name, input.value.trim());
    }
  });
  form.addEventListener('submit', (ev) => ev.preventDefault());
  form.addEventListener('reset', (ev) => {
    ev.preventDefault();
    filters = {};
    offset = 0;
    syncForm();
    refresh();
  });
  $('pager').addEventListener('click', (ev) => {
    const which = ev.target.dataset?.page;
    if (!which) {
      return;
    }
    offset = Math.max(0, offset + (which === 'next' ? PAGE : -PAGE));
    writeHash();
    loadEvents(generation).catch(showError);
  });
  $('detail-close').addEventListener('click', closeDetail);
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { closeDetail(); } });
  let resize;
  window.addEventListener('resize', () => {
    clearTimeout(resize);
    resize = setTimeout(refresh, 250);
  });
  readHash();
  syncForm();
  await refresh();
}

start();
