// Reading views: one event with its evidence highlighted in the article, and one document.
// Evidence offsets are in the "text" layer, i.e. they index the document's cleaned `text`.
import { getDocument, getJSON } from "../api.js";
import { h, highlighted } from "../dom.js";
import { actorsOf, eventDate, placeName, quadClass } from "../format.js";

export function docTitle(doc) {
  return doc.title ?? doc.metadata?.title?.value ?? doc.id;
}

export function docOutlet(doc) {
  return doc.outlet ?? doc.metadata?.outlet?.value ?? "";
}

export function docPublished(doc) {
  const published = doc.published ?? doc.metadata?.published;
  return (published && typeof published === "object" ? published.value : published) || "";
}

/** A span for `highlighted` from an Evidence record, if it points into `docId`'s text layer. */
export function spanOf(evidence, docId, cls, title) {
  if (!evidence || evidence.layer !== "text" || evidence.doc_id !== docId) return null;
  return { start: evidence.start, end: evidence.end, cls, title };
}

/** Every text-layer span of an event: the sentence, then each field's evidence. */
export function eventSpans(event) {
  const id = event.doc_id;
  const spans = [{ ...spanOf(event.sentence, id, "sentence", "event sentence"), id: "evidence-sentence" }];
  for (const [field, evidence] of Object.entries(event.evidence || {})) {
    spans.push(spanOf(evidence, id, "evidence", field));
  }
  for (const [role, list] of [["actor", event.actor], ["recipient", event.recipient]]) {
    for (const entity of list || []) spans.push(spanOf(entity.evidence, id, `evidence ${role}`, role));
  }
  spans.push(spanOf(event.event_loc?.evidence, id, "evidence place", "place"));
  spans.push(spanOf(event.magnitude?.evidence, id, "evidence magnitude", "magnitude"));
  for (const link of event.attribution || []) spans.push(spanOf(link.evidence, id, "evidence source", `source (${link.kind})`));
  return spans.filter((sp) => sp && Number.isInteger(sp.start));
}

function articleHeader(doc) {
  return h("header", { class: "article-head" },
    h("h3", { class: "doc-title" }, docTitle(doc)),
    h("p", { class: "meta" },
      h("span", { class: "doc-outlet" }, docOutlet(doc) || "unknown outlet"), " · ",
      h("span", {}, docPublished(doc) || "undated"), " · ",
      h("a", { href: `#/doc/${encodeURIComponent(doc.id)}` }, doc.id)));
}

export function article(doc, spans) {
  return h("article", { class: "article", "data-doc-id": doc.id },
    articleHeader(doc),
    h("div", { class: "article-text" }, highlighted(doc.text || "", spans)));
}

function fieldRows(event) {
  const loc = event.event_loc;
  const mag = event.magnitude;
  return [
    ["Event", `${event.event}${event.event_text ? ` (“${event.event_text}”)` : ""}`],
    ["Mode", [event.mode, ...(event.context || [])].filter(Boolean).join(", ")],
    ["Auxiliary modes", (event.aux_mode || []).join(", ")],
    ["Date", `${eventDate(event) || "—"}${event.date_from_publication ? " (from publication date)" : ""}`],
    ["Actor", actorsOf(event.actor)],
    ["Recipient", actorsOf(event.recipient)],
    ["Place", loc ? `${placeName(event)}${loc.country_code ? `, ${loc.country_code}` : ""}${loc.lat != null ? ` (${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)})` : ""}` : ""],
    ["Magnitude", mag ? `${mag.marker || ""} ${mag.count ?? ""} ${mag.unit || ""}`.trim() : ""],
    ["Attribution", (event.attribution || []).map((a) => `${a.text} (${a.kind})`).join(" ← ")],
    ["Confidence", `${(event.confidence ?? 0).toFixed(2)}${event.method ? ` by ${event.method}` : ""}`],
    ["Outlet", event.outlet || ""],
  ];
}

export async function renderEvent(root, id) {
  const event = await getJSON(`events/${encodeURIComponent(id)}`);
  const doc = await getDocument(event.doc_id);
  root.append(
    h("h2", {}, h("span", { class: `badge ${quadClass(event)}` }, event.event), " ", eventDate(event) || "undated"),
    h("div", { class: "detail" },
      h("table", { class: "fields", "data-testid": "event-fields" },
        h("tbody", {}, fieldRows(event).map(([label, value]) => h("tr", {}, h("th", {}, label), h("td", {}, value || "—"))))),
      h("blockquote", { class: "sentence-quote", "data-testid": "event-sentence" }, event.text || "")),
    h("p", { class: "legend meta" }, "In the article: ", h("mark", { class: "sentence" }, "the event's sentence"), " · ",
      ...[["actor", "actor"], ["recipient", "recipient"], ["place", "place"], ["source", "cited source"], ["", "other evidence"]]
        .flatMap(([cls, label]) => [h("mark", { class: `evidence ${cls}` }, label), " "])),
    article(doc, eventSpans(event)),
  );
  // Scroll the article box (not the page) so the fields above stay in view beside the sentence.
  const box = root.querySelector(".article-text");
  const sentence = root.querySelector("#evidence-sentence");
  if (box && sentence) box.scrollTop = sentence.offsetTop - box.clientHeight / 3;  // box is its offsetParent
}

export async function renderDocument(root, id) {
  const doc = await getDocument(id);
  root.append(h("h2", {}, "Document"), article(doc, []),
    doc.source ? h("p", { class: "meta" }, "source: ", doc.source) : null);
}
