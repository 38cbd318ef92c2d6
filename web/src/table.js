// Events table: one row per merged event, paged by the server.
import { ROOTS, QUADS } from './codes.js';
import { el, fix, fmt } from './dom.js';

function actor(a) {
  if (!a) {
    return el('span', { class: 'none' }, '—');
  }
  return el('span', { class: 'actor', title: a.name ?? '' }, el('code', {}, a.code ?? a.country ?? '?'), a.name ? ` ${a.name}` : '');
}

/** Renders a page of events ({items, total, offset, limit}); onOpen(id) when a row is clicked. */
export function renderTable(tbody, page, onOpen, selectedId) {
  tbody.replaceChildren();
  if (page.items.length === 0) {
    tbody.append(el('tr', {}, el('td', { colspan: 8, class: 'empty' }, 'No events match these filters.')));
    return;
  }
  for (const e of page.items) {
    const quad = QUADS[e.quad_class];
    const row = el('tr', {
      class: e.id === selectedId ? 'event selected' : 'event',
      tabindex: 0,
      dataset: { id: e.id, root: e.root ?? '', quad: e.quad_class ?? '', source: e.source?.code ?? '', target: e.target?.code ?? '' },
      onclick: () => onOpen(e.id),
      onkeydown: (ev) => { if (ev.key === 'Enter') { onOpen(e.id); } },
    },
    el('td', { class: 'date' }, e.date ?? 'undated'),
    el('td', {}, actor(e.source)),
    el('td', { class: 'action', title: e.text ?? '' },
      el('code', {}, e.cameo ?? e.root ?? '—'), ' ', ROOTS[e.root] ?? e.kind,
      e.trigger ? el('span', { class: 'trigger' }, ` “${e.trigger}”`) : ''),
    el('td', {}, actor(e.target)),
    el('td', {}, quad ? el('span', { class: `quad q${e.quad_class}`, title: quad.label }, quad.short) : '—'),
    el('td', { class: 'num' }, fix(e.goldstein)),
    el('td', { class: 'place' }, e.place ? `${e.place.name ?? ''}${e.place.country ? ` (${e.place.country})` : ''}` : '—'),
    el('td', { class: 'num' }, fmt(e.num_mentions)));
    tbody.append(row);
  }
}
