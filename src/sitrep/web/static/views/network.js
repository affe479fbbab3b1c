// Actor network: actors are nodes, events are directed edges from source actor to recipient.
// Layout is a small deterministic force simulation (same input, same picture) started from a
// circle, so analysts can compare screenshots across runs.
import { allEvents } from "../api.js";
import { h, s, withTooltip } from "../dom.js";
import { actorName, eventTable } from "../format.js";

const WIDTH = 960;
const HEIGHT = 560;
const GRAVITY = 1.2;
const ITERATIONS = 300;

/** Nodes (actors with event counts) and edges (actor -> recipient pairs with their events). */
export function graphOf(events) {
  const nodes = new Map();
  const edges = new Map();
  const node = (entity) => {
    const id = actorName(entity);
    if (!nodes.has(id)) nodes.set(id, { id, code: entity.code, label: entity.entity_text, events: 0 });
    return nodes.get(id);
  };
  for (const event of events) {
    const sources = (event.actor || []).map(node);
    const targets = (event.recipient || []).map(node);
    new Set([...sources, ...targets]).forEach((n) => { n.events += 1; });
    for (const a of sources) {
      for (const b of targets) {
        if (a === b) continue;
        const key = `${a.id}\u0000${b.id}`;
        if (!edges.has(key)) edges.set(key, { source: a, target: b, events: [] });
        edges.get(key).events.push(event);
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function layout(nodes, edges) {
  const n = nodes.length;
  const [cx, cy] = [WIDTH / 2, HEIGHT / 2];
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    node.x = cx + (HEIGHT / 3) * Math.cos(angle);
    node.y = cy + (HEIGHT / 3) * Math.sin(angle);
  });
  // Fruchterman-Reingold: repulsion k^2/d between every pair, attraction d^2/k along edges, and
  // a pull to the centre strong enough (GRAVITY) that unlinked actors stay in the picture.
  const k = HEIGHT / (2 * Math.sqrt(Math.max(n, 1)));
  const index = new Map(nodes.map((node, i) => [node, i]));
  for (let step = 0; step < ITERATIONS; step++) {
    const heat = 1 - step / ITERATIONS;
    const force = nodes.map((node) => [(cx - node.x) * GRAVITY, (cy - node.y) * GRAVITY]);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = nodes[i].x - nodes[j].x || 0.01;
        const dy = nodes[i].y - nodes[j].y || 0.01;
        const push = (k * k) / (dx * dx + dy * dy);
        force[i][0] += dx * push; force[i][1] += dy * push;
        force[j][0] -= dx * push; force[j][1] -= dy * push;
      }
    }
    for (const edge of edges) {
      const [i, j] = [index.get(edge.source), index.get(edge.target)];
      const dx = nodes[j].x - nodes[i].x;
      const dy = nodes[j].y - nodes[i].y;
      const pull = Math.hypot(dx, dy) / k;
      force[i][0] += dx * pull; force[i][1] += dy * pull;
      force[j][0] -= dx * pull; force[j][1] -= dy * pull;
    }
    nodes.forEach((node, i) => {
      const len = Math.hypot(...force[i]) || 1;
      const move = Math.min(len, 30 * heat + 0.5);
      node.x = Math.min(WIDTH - 60, Math.max(60, node.x + (force[i][0] / len) * move));
      node.y = Math.min(HEIGHT - 20, Math.max(30, node.y + (force[i][1] / len) * move));
    });
  }
}

export function networkSvg(graph) {
  const { nodes, edges } = graph;
  if (!nodes.length) return h("p", { class: "empty" }, "No actors.");
  layout(nodes, edges);
  const svg = s("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "network", role: "img",
    "aria-label": `network of ${nodes.length} actors` },
  s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 18, refY: 5, markerWidth: 6,
    markerHeight: 6, orient: "auto-start-reverse" }, s("path", { d: "M0,0L10,5L0,10Z", class: "arrowhead" }))));
  for (const edge of edges) {
    const conflict = edge.events.filter((e) => e.quad_code >= 3).length;
    const line = s("line", { x1: edge.source.x, y1: edge.source.y, x2: edge.target.x, y2: edge.target.y,
      class: `edge ${conflict * 2 >= edge.events.length ? "conflict" : "cooperation"}`,
      "stroke-width": 1 + Math.sqrt(edge.events.length), "marker-end": "url(#arrow)" });
    const types = [...new Set(edge.events.map((e) => e.event))].join(", ");
    svg.append(withTooltip(line, [`${edge.source.id} → ${edge.target.id}`,
      `${edge.events.length} event${edge.events.length === 1 ? "" : "s"}: ${types}`]));
  }
  for (const node of nodes) {
    const link = s("a", { href: `#/network?actor=${encodeURIComponent(node.id)}`, class: "node",
      "data-actor": node.id },
    s("circle", { cx: node.x, cy: node.y, r: 4 + 2 * Math.sqrt(node.events) }),
    s("text", { x: node.x, y: node.y - 8 - 2 * Math.sqrt(node.events), class: "node-label" }, node.id));
    svg.append(withTooltip(link, [`${node.id}${node.code ? ` [${node.code}]` : ""}`,
      `as written: ${node.label}`, `${node.events} event${node.events === 1 ? "" : "s"}`]));
  }
  return svg;
}

export async function renderNetwork(root, filters) {
  const { items, total } = await allEvents(filters);
  const graph = graphOf(items);
  root.append(
    h("h2", {}, "Actor network"),
    h("p", { class: "summary", "data-testid": "summary" },
      `${total} events, ${graph.nodes.length} actors, ${graph.edges.length} links`),
    h("div", { class: "legend" },
      h("span", { class: "badge quad-2" }, "mostly cooperation"),
      h("span", { class: "badge quad-4" }, "mostly conflict"),
      h("span", { class: "hint" }, "arrow: actor → recipient; click an actor to filter")),
    h("figure", { class: "chart" }, networkSvg(graph)),
    eventTable(items),
  );
}
