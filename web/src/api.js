// Small JSON client for the Casus API (same origin).

/** Query string from a filter object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** GET a JSON resource; throws an Error carrying the server's message on a non-2xx answer. */
export async function get(path, params = {}, signal = undefined) {
  const response = await fetch(`api/${path}${query(params)}`, { signal, headers: { accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  }
  return body;
}
