// Map: Natural Earth countries (vendored TopoJSON, no tile server) in an equirectangular
// projection, with one circle per located place sized by how many events happened there.
// The view is zoomed to the events; "World" shows the whole map.
import { allEvents } from "../api.js";
import { h, s, withTooltip } from "../dom.js";
import { eventTable, placeName } from "../format.js";

const WIDTH = 960;
const HEIGHT = 480;
const MIN_SPAN = 60;
const TOPOLOGY_URL = "vendor/countries-110m.json";

let countriesCache = null;

function project([lon, lat]) {
  return [((lon + 180) / 360) * WIDTH, ((90 - lat) / 180) * HEIGHT];
}

function ringPath(ring) {
  return ring.map((point, i) => {
    const [px, py] = project(point);
    return `${i ? "L" : "M"}${px.toFixed(1)},${py.toFixed(1)}`;
  }).join("") + "Z";
}

function geometryPath(geometry) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polygons.flat().map(ringPath).join("");
}

async function countries() {
  if (!countriesCache) {
    const response = await fetch(TOPOLOGY_URL);
    if (!response.ok) throw new Error(`${TOPOLOGY_URL}: HTTP ${response.status}`);
    const topology = await response.json();
    countriesCache = window.topojson.feature(topology, topology.objects.countries).features;
  }
  return countriesCache;
}

/** Located events grouped by place: [{key, name, lat, lon, events}]. */
export function placesOf(events) {
  const groups = new Map();
  for (const event of events) {
    const loc = event.event_loc;
    if (!loc || loc.lat == null || loc.lon == null) continue;
    const key = `${loc.lat.toFixed(2)},${loc.lon.toFixed(2)}`;
    if (!groups.has(key)) groups.set(key, { key, name: placeName(event), lat: loc.lat, lon: loc.lon, events: [] });
    groups.get(key).events.push(event);
  }
  return [...groups.values()];
}

/** The viewBox [x, y, w, h] that frames the places with a margin, keeping the map's 2:1 shape. */
function fittedView(places) {
  if (!places.length) return [0, 0, WIDTH, HEIGHT];
  const points = places.map((p) => project([p.lon, p.lat]));
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const span = Math.min(WIDTH, Math.max(MIN_SPAN, (Math.max(...xs) - Math.min(...xs)) * 1.6,
    (Math.max(...ys) - Math.min(...ys)) * 3.2));
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return [cx - span / 2, cy - span / 4, span, span / 2];
}

function drawPoints(layer, places, scale) {
  layer.replaceChildren();
  for (const place of places) {
    const [px, py] = project([place.lon, place.lat]);
    const types = [...new Set(place.events.map((e) => e.event))].join(", ");
    const link = s("a", { href: `#/map?place=${encodeURIComponent(place.name)}`, class: "place",
      "data-place": place.name, "data-count": place.events.length });
    const r = (3 + 2 * Math.sqrt(place.events.length)) * scale;
    link.append(s("circle", { cx: px, cy: py, r }),
      s("text", { x: px + r * 1.2, y: py + r * 0.4, "font-size": 11 * scale, class: "place-label" },
        `${place.name} (${place.events.length})`));
    layer.append(withTooltip(link, [`${place.name} (${place.lat.toFixed(2)}, ${place.lon.toFixed(2)})`,
      `${place.events.length} event${place.events.length === 1 ? "" : "s"}: ${types}`]));
  }
}

export async function renderMap(root, filters) {
  const [{ items, total }, features] = await Promise.all([allEvents(filters), countries()]);
  const places = placesOf(items);
  const located = places.reduce((n, p) => n + p.events.length, 0);
  const svg = s("svg", { class: "map", role: "img", "aria-label": `map of ${located} located events` });
  const land = s("g", { class: "countries" });
  for (const feature of features) {
    land.append(s("path", { d: geometryPath(feature.geometry), class: "country" },
      s("title", {}, feature.properties?.name || "")));
  }
  const points = s("g", { class: "points" });
  svg.append(s("rect", { x: -WIDTH, y: -HEIGHT, width: 3 * WIDTH, height: 3 * HEIGHT, class: "sea" }), land, points);
  const show = (view) => {
    svg.setAttribute("viewBox", view.map((v) => v.toFixed(2)).join(" "));
    drawPoints(points, places, view[2] / WIDTH);
  };
  show(fittedView(places));
  root.append(
    h("h2", {}, "Map"),
    h("p", { class: "summary", "data-testid": "summary" },
      `${total} events, ${located} located at ${places.length} places`),
    h("div", { class: "toolbar" },
      h("button", { type: "button", onclick: () => show(fittedView(places)) }, "Fit events"),
      h("button", { type: "button", onclick: () => show([0, 0, WIDTH, HEIGHT]) }, "World")),
    h("figure", { class: "chart" }, svg),
    eventTable(items),
  );
}
