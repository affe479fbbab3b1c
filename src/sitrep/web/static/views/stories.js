// Stories: the list of stories and documents, and one story with its reports side by side, the
// merged events, the claims (conflicts highlighted) with their attribution chains, and each
// outlet's framing words marked in its own text.
import { getDocument, getJSON, itemsOf } from "../api.js";
import { h } from "../dom.js";
import { actorsOf, placeName } from "../format.js";
import { article, docOutlet, docPublished, docTitle, spanOf } from "./reading.js";

const LIST_LIMIT = 1000;
const asList = (value) => (Array.isArray(value) ? value : value ? [value] : []);

function chainText(chain) {
  return asList(chain).map((link) => (typeof link === "string" ? link : link.text || link.outlet || link.id || "?"))
    .join(" ← ");
}

function evidenceQuote(evidence) {
  return asList(evidence).map((ev) => h("div", { class: "quote" },
    h("a", { href: `#/doc/${encodeURIComponent(ev.doc_id)}` }, "“", ev.text, "”")));
}

export async function renderStories(root) {
  const [stories, documents] = await Promise.all([getJSON("stories", { limit: LIST_LIMIT }), getJSON("documents", { limit: LIST_LIMIT })]);
  const storyItems = itemsOf(stories);
  const docItems = itemsOf(documents);
  root.append(
    h("h2", {}, "Stories"),
    h("p", { class: "summary", "data-testid": "summary" },
      `${stories.total ?? storyItems.length} stories, ${documents.total ?? docItems.length} documents`),
    h("ul", { class: "stories", "data-testid": "story-list" }, storyItems.map((story) => h("li", {},
      h("a", { href: `#/story/${encodeURIComponent(story.id)}` }, story.title || story.id),
      h("span", { class: "meta" }, ` ${asList(story.doc_ids).length} reports from ${asList(story.outlets).join(", ") || "unknown outlets"};`
        + ` ${story.n_events ?? 0} merged events, ${story.n_claims ?? 0} claims (${story.n_conflicts ?? 0} in conflict)`)))),
    h("h2", {}, "Documents"),
    h("table", { class: "documents", "data-testid": "document-table" },
      h("thead", {}, h("tr", {}, ["Published", "Outlet", "Title", "Source"].map((label) => h("th", {}, label)))),
      h("tbody", {}, docItems.map((doc) => h("tr", { "data-doc-id": doc.id },
        h("td", { class: "nowrap" }, docPublished(doc) || "—"),
        h("td", { class: "doc-outlet" }, docOutlet(doc)),
        h("td", {}, h("a", { href: `#/doc/${encodeURIComponent(doc.id)}`, class: "doc-title" }, docTitle(doc))),
        h("td", { class: "source" }, doc.source || ""))))),
  );
}

/** Claims, those in conflict first; a checkbox hides the rest. */
function claimsTable(claims) {
  const ordered = [...claims].sort((a, b) => Number(Boolean(b.conflict)) - Number(Boolean(a.conflict)));
  const table = h("table", { class: "claims", "data-testid": "claims" },
    h("thead", {}, h("tr", {}, ["Attribute", "Value", "Outlet", "Attribution chain", "Evidence"].map((l) => h("th", {}, l)))),
    h("tbody", {}, ordered.map((claim) => h("tr", { class: claim.conflict ? "conflict" : "agreed" },
      h("td", {}, claim.attribute, claim.conflict ? h("span", { class: "badge quad-4" }, "conflict") : null),
      h("td", {}, String(claim.value ?? "")),
      h("td", {}, claim.outlet || ""),
      h("td", {}, chainText(claim.chain)),
      h("td", {}, evidenceQuote(claim.evidence))))));
  const toggle = h("input", { type: "checkbox", "data-testid": "conflicts-only",
    onchange: (evt) => table.classList.toggle("conflicts-only", evt.target.checked) });
  return [h("label", { class: "toolbar" }, toggle, "show only claims in conflict"), table];
}

function chainsList(chains) {
  return h("ul", { class: "chains", "data-testid": "chains" }, chains.map((chain) => {
    const labels = new Map(asList(chain.nodes).map((node) => [node.id, node.label || node.id]));
    const name = (key) => labels.get(key) || chainText(key);
    return h("li", {},
      h("strong", {}, name(chain.origin) || "unknown origin"),
      chain.single_origin ? h("span", { class: "badge quad-3" }, "single origin: every report traces back to it") : null,
      Number.isInteger(chain.independent_confirmations)
        ? h("span", { class: "meta" }, ` ${chain.independent_confirmations} independent confirmations`) : null,
      h("div", { class: "meta" }, asList(chain.edges).map((edge) => `${name(edge.target)} cites ${name(edge.source)}`).join("; ")));
  }));
}

const entityText = (value) => (typeof value === "string" ? value : actorsOf(value));

function mergedTable(events) {
  return h("table", { class: "events", "data-testid": "merged-events" },
    h("thead", {}, h("tr", {}, ["Date", "Type", "Actor", "Recipient", "Place", "Reports"].map((l) => h("th", {}, l)))),
    h("tbody", {}, events.map((merged) => h("tr", {},
      h("td", { class: "nowrap" }, merged.date || "—"),
      h("td", {}, h("span", { class: "badge" }, merged.event || "")),
      h("td", {}, entityText(merged.actor)),
      h("td", {}, entityText(merged.recipient)),
      h("td", {}, typeof merged.place === "string" ? merged.place : placeName(merged)),
      h("td", {}, asList(merged.reports).map((report) => h("a", {
        href: `#/event/${encodeURIComponent(report.event_id)}`, class: "report-link",
      }, report.outlet || report.doc_id || "report")))))));
}

/** Framing-term spans for one document: every term evidence that points into its text. */
function framingSpans(framing, docId) {
  const spans = [];
  for (const group of framing) {
    for (const term of group.terms || []) {
      for (const evidence of asList(term.evidence)) {
        spans.push(spanOf(evidence, docId, `framing framing-${term.category || "term"}`, `${term.category || "framing"}: ${term.term}`));
      }
    }
  }
  return spans.filter(Boolean);
}

export async function renderStory(root, id) {
  const story = await getJSON(`stories/${encodeURIComponent(id)}`);
  const framing = asList(story.framing);
  const docs = await Promise.all(asList(story.documents).map((doc) => getDocument(doc.id)));
  root.append(
    h("h2", {}, story.title || story.id),
    h("p", { class: "summary", "data-testid": "summary" },
      `${docs.length} reports, ${asList(story.merged_events).length} merged events, ${asList(story.claims).length} claims`
      + ` (${asList(story.claims).filter((c) => c.conflict).length} in conflict)`),
    h("h3", {}, "Reports side by side"),
    h("div", { class: "side-by-side", "data-testid": "reports" }, docs.map((doc) => article(doc, framingSpans(framing, doc.id)))),
    h("h3", {}, "Framing"),
    h("ul", { class: "framing", "data-testid": "framing" }, framing.map((group) => h("li", {},
      h("strong", {}, group.outlet || "unknown outlet"), ": ",
      asList(group.terms).map((t) => h("span", { class: `framing framing-${t.category || "term"}`, title: t.category || "" },
        `${t.term} ×${t.count ?? 1}`)).flatMap((node) => [node, " "]),
      asList(group.sources_quoted).length ? h("div", { class: "meta" }, "quotes: ",
        asList(group.sources_quoted).map((v) => `${v.text ?? v}${v.count ? ` ×${v.count}` : ""}`).join(", ")) : null,
      asList(group.omitted).length ? h("div", { class: "meta" }, "leaves out what other reports have: ",
        asList(group.omitted).map((item) => `${item.label ?? item.value} (${item.kind})`).join(", ")) : null))),
    h("h3", {}, "Merged events"),
    mergedTable(asList(story.merged_events)),
    h("h3", {}, "Claims"),
    ...claimsTable(asList(story.claims)),
    h("h3", {}, "Attribution chains"),
    chainsList(asList(story.chains)),
  );
}
