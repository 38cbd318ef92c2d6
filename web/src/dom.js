// Tiny DOM helpers: elements are built with textContent, never innerHTML, so document text cannot inject markup.

/** Creates an element with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k === 'class') {
      e.className = v;
    } else if (k.startsWith('on') && typeof v === 'function') {
      e.addEventListener(k.slice(2), v);
    } else if (k === 'dataset') {
      Object.assign(e.dataset, v);
    } else {
      e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null && c !== false) {
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  return e;
}

/** Formats a number with thousands separators. */
export const fmt = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US'));

/** Formats a number with fixed decimals, or a dash. */
export const fix = (n, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? '–' : Number(n).toFixed(d));

/**
 * Splits text into plain and highlighted pieces. marks: [{start, end, cls, label}] with offsets into text;
 * overlapping marks are dropped after the first (source, target and trigger do not overlap in practice).
 */
export function highlight(text, marks) {
  const sorted = marks
    .filter((m) => m && m.start >= 0 && m.end <= text.length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) {
      continue;
    }
    if (m.start > at) {
      out.push(text.slice(at, m.start));
    }
    out.push(el('mark', { class: m.cls, title: m.label, dataset: { start: m.start } }, text.slice(m.start, m.end)));
    at = m.end;
  }
  if (at < text.length) {
    out.push(text.slice(at));
  }
  return out;
}
