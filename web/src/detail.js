// Event detail: codes, place, date, and every report's evidence sentence with source, target and trigger marked.
import { ROOTS, QUADS } from './codes.js';
import { el, fix, fmt, highlight } from './dom.js';
import { get } from './api.js';

/** Marks for one mention, as offsets into its sentence. */
function marks(m) {
  const base = m.text_span?.[0] ?? 0;
  const at = (span, cls, label) => (span ? { start: span[0] - base, end: span[1] - base, cls, label } : null);
  return [
    at(m.source?.span, 'source', `source: ${m.source?.code ?? ''}`),
    at(m.target?.span, 'target', `target: ${m.target?.code ?? ''}`),
    at(m.trigger?.span, 'trigger', `trigger: ${m.cameo ?? ''}`),
    at(m.location?.span, 'place', `place: ${m.location?.name ?? ''}`),
  ].filter(Boolean);
}

function row(label, ...value) {
  return [el('dt', {}, label), el('dd', {}, ...value)];
}

function actorLine(a) {
  if (!a) {
    return '—';
  }
  return [el('code', {}, a.code ?? '?'), ` ${a.name ?? a.entity ?? a.text ?? ''}`, a.country ? ` · ${a.country}` : '', a.sector ? ` · ${a.sector}` : ''];
}

/** Renders the event ({event, mentions}) into the panel body. */
export function renderDetail(body, data, onDocument) {
  const e = data.event;
  const quad = QUADS[e.quad_class];
  const casualties = ['killed', 'injured', 'missing', 'arrested', 'displaced'].filter((k) => e[k] !== null && e[k] !== undefined);
  body.replaceChildren(
    el('h2', {}, el('span', { class: `quad q${e.quad_class}` }, quad?.short ?? e.kind), ' ', `${e.cameo ?? ''} ${ROOTS[e.root] ?? ''}`),
    el('p', { class: 'dyad' }, e.source ? e.source.code : '—', ' → ', e.target ? e.target.code : '—'),
    el('dl', { class: 'codes' },
      row('source', ...[actorLine(e.source)].flat()),
      row('target', ...[actorLine(e.target)].flat()),
      row('CAMEO', el('code', {}, e.cameo ?? '—'), ` root ${e.root ?? '—'} · PLOVER ${e.plover ?? '—'}`),
      row('quad class', `${e.quad_class ?? '—'} ${quad?.label ?? ''}`),
      row('Goldstein', fix(e.goldstein)),
      row('date', e.date ?? 'undated', e.end_date && e.end_date !== e.date ? ` – ${e.end_date}` : ''),
      row('place', e.place ? `${e.place.name ?? ''} ${e.place.country ?? ''} ${e.place.precision ? `(${e.place.precision})` : ''}` : '—'),
      row('modality', e.modality ?? '—'),
      row('reports', `${fmt(e.num_mentions)} ${e.num_mentions === 1 ? 'report' : 'reports'} in ${fmt(e.num_articles)} ${e.num_articles === 1 ? 'document' : 'documents'}`),
      casualties.length ? row('casualties', casualties.map((k) => `${e[k]} ${k}`).join(', ')) : []),
    el('h3', {}, 'Evidence'),
    el('p', { class: 'legend small' },
      el('mark', { class: 'source' }, 'source'), ' ', el('mark', { class: 'target' }, 'target'), ' ',
      el('mark', { class: 'trigger' }, 'trigger'), ' ', el('mark', { class: 'place' }, 'place')),
    ...data.mentions.map((m) => el('article', { class: 'report', dataset: { mention: m.id } },
      el('blockquote', { class: 'evidence' }, ...highlight(m.text ?? '', marks(m))),
      el('p', { class: 'meta' },
        m.doc_title ? el('strong', {}, m.doc_title) : el('code', {}, m.doc_id), m.doc_date ? ` · ${m.doc_date}` : '',
        ` · ${m.modality}`, m.attributed_to ? ` · according to ${m.attributed_to.text}` : '',
        ` · confidence ${fix(m.confidence, 2)}`, ' · ',
        el('a', { href: '#', class: 'open-doc', onclick: (ev) => { ev.preventDefault(); onDocument(m.doc_id, m.id); } }, 'whole document'),
        m.pattern ? el('span', { class: 'pattern', title: 'dictionary line that coded it' }, ` · ${m.pattern}`) : ''))),
  );
}

/** Shows a whole document with every mention's spans marked; the chosen mention's sentence is scrolled into view. */
export async function renderDocument(body, docId, mentionId) {
  const doc = await get(`documents/${encodeURIComponent(docId)}`);
  const all = [];
  for (const m of doc.mentions) {
    for (const [span, cls, label] of [[m.source?.span, 'source', m.source?.code], [m.target?.span, 'target', m.target?.code], [m.trigger?.span, 'trigger', m.cameo]]) {
      if (span) {
        all.push({ start: span[0], end: span[1], cls, label });
      }
    }
  }
  const back = el('button', { type: 'button', class: 'back' }, '‹ back to the event');
  const text = doc.text === null
    ? el('p', { class: 'empty' }, 'The store has no text for this document (imported from coded events only); the evidence sentences are shown with the event.')
    : el('div', { class: 'document-text' }, ...highlight(doc.text, all));
  body.replaceChildren(
    back,
    el('h2', {}, doc.title ?? doc.id),
    el('p', { class: 'meta' }, doc.date ?? 'undated', ` · ${doc.mentions.length} coded mentions`, doc.url ? [' · ', el('a', { href: doc.url, rel: 'noreferrer' }, doc.url)] : ''),
    text,
  );
  const chosen = doc.mentions.find((m) => m.id === mentionId);
  const start = chosen?.trigger?.span?.[0];
  const focus = start === undefined ? null : body.querySelector(`.document-text mark[data-start="${start}"]`);
  if (focus) {
    focus.classList.add('focus');
    focus.scrollIntoView({ block: 'center' });
  }
  return back;
}
