// How events, actors, places and dates are named on screen, shared by every view.
import { h } from "./dom.js";

/** PLOVER quad class -> CSS class: cooperation and conflict, verbal and material. */
export function quadClass(event) {
  return `quad-${event.quad_code || 0}`;
}

export function actorName(entity) {
  return entity.identifier || entity.entity_text || entity.code || "?";
}

export function actorsOf(list) {
  return (list || []).map(actorName).join(", ");
}

export function placeName(event) {
  const loc = event.event_loc;
  return loc ? (loc.resolved_place || loc.extracted_place || "") : "";
}

/**
 * An ISO date of any precision ("2013", "2013-09", "2013-09-05") as the [start, end) range in
 * epoch milliseconds that it covers; null when there is no date.
 */
export function dateRange(iso) {
  if (!iso) return null;
  const [y, m, d] = String(iso).split("-").map(Number);
  if (!Number.isFinite(y)) return null;
  if (!m) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (!d) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  const start = Date.UTC(y, m - 1, d);
  return [start, start + 86400000];
}

/**
 * An event's date as shown: a span where only a span is known ("2011-03-10 – 2017-01-10": a
 * relative time read against an uncertain publication date), never its first day alone.
 */
export function eventDate(event) {
  if (!event.date) return "";
  return event.enddate && event.enddate !== event.date ? `${event.date} – ${event.enddate}` : event.date;
}

export function tooltipLines(event) {
  return [
    `${event.event}${event.mode ? ` (${event.mode})` : ""} — ${eventDate(event) || "undated"}`,
    `actor: ${actorsOf(event.actor) || "—"}`,
    `recipient: ${actorsOf(event.recipient) || "—"}`,
    `place: ${placeName(event) || "—"}`,
    `outlet: ${event.outlet || "—"}`,
    event.text || "",
  ];
}

/** The table of events under each view: one row per event, linking to its detail page. */
export function eventTable(events) {
  return h("table", { class: "events", "data-testid": "event-table" },
    h("thead", {}, h("tr", {}, ["Date", "Type", "Actor", "Recipient", "Place", "Outlet", "Modes", "Conf.", "Sentence"]
      .map((label) => h("th", {}, label)))),
    h("tbody", {}, events.map((event) => h("tr", { class: quadClass(event), "data-event-id": event.id },
      h("td", { class: "nowrap" }, eventDate(event) || "—"),
      h("td", {}, h("span", { class: `badge ${quadClass(event)}` }, event.event)),
      h("td", {}, actorsOf(event.actor)),
      h("td", {}, actorsOf(event.recipient)),
      h("td", {}, placeName(event)),
      h("td", {}, event.outlet || ""),
      h("td", {}, (event.aux_mode || []).join(", ")),
      h("td", { class: "num" }, (event.confidence ?? 0).toFixed(2)),
      h("td", { class: "sentence" }, h("a", { href: `#/event/${encodeURIComponent(event.id)}` }, event.text || event.event_text)),
    ))),
  );
}
