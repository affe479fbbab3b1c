// sitrep web UI entry point: hash routing and the filter bar. Views live in views/*.js.
// Routes: #/timeline #/map #/network #/stories #/story/ID #/event/ID #/doc/ID, each filterable view
// taking its filters from the hash query (#/map?actor=IRN&type=ASSAULT), which the API receives.
import { FILTER_KEYS, getJSON, itemsOf } from "./api.js";
import { h, hideTooltip, replace } from "./dom.js";
import { renderMap } from "./views/map.js";
import { renderNetwork } from "./views/network.js";
import { renderDocument, renderEvent } from "./views/reading.js";
import { renderStories, renderStory } from "./views/stories.js";
import { renderTimeline } from "./views/timeline.js";

const FILTERED_VIEWS = { timeline: renderTimeline, map: renderMap, network: renderNetwork };
const DETAIL_VIEWS = { story: renderStory, event: renderEvent, doc: renderDocument };
const DEFAULT_VIEW = "timeline";

/** The current route: {view, id, filters} from `location.hash`. */
export function parseHash(hash) {
  const [path, query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [view, ...rest] = path.split("/");
  const params = new URLSearchParams(query);
  const filters = {};
  for (const key of FILTER_KEYS) if (params.get(key)) filters[key] = params.get(key);
  return { view: view || DEFAULT_VIEW, id: rest.length ? decodeURIComponent(rest.join("/")) : null, filters };
}

function hashFor(view, filters) {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  return `#/${view}${query ? `?${query}` : ""}`;
}

function fillFilterForm(form, filters) {
  for (const key of FILTER_KEYS) form.elements[key].value = filters[key] || "";
}

function setupFilterForm(form) {
  form.addEventListener("submit", (evt) => {
    evt.preventDefault();
    const route = parseHash(location.hash);
    const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, form.elements[key].value.trim()]));
    location.hash = hashFor(route.view in FILTERED_VIEWS ? route.view : DEFAULT_VIEW, filters);
  });
  form.addEventListener("reset", (evt) => {
    evt.preventDefault();
    const route = parseHash(location.hash);
    location.hash = hashFor(route.view in FILTERED_VIEWS ? route.view : DEFAULT_VIEW, {});
  });
}

/** Suggestions for the actor and place inputs, from the API's lists of known actors and places. */
async function fillSuggestions() {
  const lists = {
    actor: ["actors", (item) => [item.id, item.name]],
    place: ["places", (item) => [item.name, item.country_code]],
  };
  for (const [key, [path, option]] of Object.entries(lists)) {
    try {
      const seen = new Set();
      const options = itemsOf(await getJSON(path, { limit: 1000 })).map(option).filter(([value]) => value && !seen.has(value) && seen.add(value));
      replace(document.getElementById(`${key}-options`), options.map(([value, label]) => h("option", { value }, label || "")));
    } catch (err) {
      console.warn("no suggestions for", key, err);
    }
  }
}

async function route() {
  hideTooltip();
  const { view, id, filters } = parseHash(location.hash);
  const main = document.getElementById("view");
  const form = document.getElementById("filters");
  fillFilterForm(form, filters);
  form.hidden = !(view in FILTERED_VIEWS);
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("active", link.dataset.view === view);
    const target = link.dataset.view;
    link.href = target in FILTERED_VIEWS ? hashFor(target, view in FILTERED_VIEWS ? filters : {}) : `#/${target}`;
  }
  const render = FILTERED_VIEWS[view] ? (root) => FILTERED_VIEWS[view](root, filters)
    : DETAIL_VIEWS[view] && id ? (root) => DETAIL_VIEWS[view](root, id)
      : view === "stories" ? renderStories : null;
  const root = h("section", { class: `view view-${view}`, "aria-busy": "true" });
  replace(main, root);
  try {
    if (!render) throw new Error(`no such page: ${location.hash}`);
    await render(root);
  } catch (err) {
    root.append(h("p", { class: "error", role: "alert" }, String(err.message || err)));
  }
  root.setAttribute("aria-busy", "false");
  // Tests and screenshot scripts wait on this counter: it changes once a page is fully drawn.
  document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
}

setupFilterForm(document.getElementById("filters"));
window.addEventListener("hashchange", route);
fillSuggestions();
route();
