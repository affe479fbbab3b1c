// Talking to the sitrep REST API (same origin only: the UI never fetches from anywhere else).

export const FILTER_KEYS = ["actor", "type", "place", "date_from", "date_to", "outlet"];
const PAGE = 500;
const MAX_EVENTS = 5000;

/** GET a JSON resource of the API; `params` with empty values are left out. */
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const url = `/api/${path}${query.toString() ? `?${query}` : ""}`;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** Every event matching `filters`, paging through /api/events (capped at MAX_EVENTS). */
export async function allEvents(filters) {
  const items = [];
  let total = 0;
  do {
    const page = await getJSON("events", { ...filters, limit: PAGE, offset: items.length });
    total = page.total;
    items.push(...page.items);
    if (!page.items.length) break;
  } while (items.length < Math.min(total, MAX_EVENTS));
  return { items, total };
}

/** The document cache: story and event pages ask for the same articles again and again. */
const documents = new Map();
export function getDocument(id) {
  if (!documents.has(id)) documents.set(id, getJSON(`documents/${encodeURIComponent(id)}`));
  return documents.get(id);
}

/** `items` of a list endpoint whether it answers a bare list or a {items, total} page. */
export function itemsOf(answer) {
  return Array.isArray(answer) ? answer : (answer.items || []);
}
