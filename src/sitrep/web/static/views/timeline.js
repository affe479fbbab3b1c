// Timeline: one lane per PLOVER event type, events placed on a shared time axis. A date known to
// the day is a dot; a date known only to the month or year is a bar over the whole period, so the
// picture never claims more precision than the text gave.
import { allEvents } from "../api.js";
import { h, s, withTooltip } from "../dom.js";
import { dateRange, eventTable, quadClass, tooltipLines } from "../format.js";

const WIDTH = 960;
const LANE = 26;
const LEFT = 110;
const RIGHT = 20;
const AXIS = 28;

function yearTicks(from, to) {
  const first = new Date(from).getUTCFullYear();
  const last = new Date(to).getUTCFullYear() + 1;
  const step = Math.max(1, Math.ceil((last - first) / 12));
  const ticks = [];
  for (let year = first; year <= last; year += step) ticks.push([year, Date.UTC(year, 0, 1)]);
  return ticks;
}

export function timelineSvg(events) {
  const dated = events.map((event) => [event, dateRange(event.date)]).filter(([, range]) => range);
  if (!dated.length) return h("p", { class: "empty" }, "No dated events.");
  const types = [...new Set(dated.map(([event]) => event.event))].sort();
  const lo = Math.min(...dated.map(([, r]) => r[0]));
  const hi = Math.max(...dated.map(([, r]) => r[1]));
  const pad = Math.max((hi - lo) * 0.02, 86400000 * 15);
  const [from, to] = [lo - pad, hi + pad];
  const x = (t) => LEFT + ((t - from) / (to - from)) * (WIDTH - LEFT - RIGHT);
  const height = types.length * LANE + AXIS;
  const svg = s("svg", { viewBox: `0 0 ${WIDTH} ${height}`, class: "timeline", role: "img",
    "aria-label": `timeline of ${dated.length} events` });
  types.forEach((type, i) => {
    const y = i * LANE;
    svg.append(s("rect", { x: 0, y, width: WIDTH, height: LANE, class: i % 2 ? "lane odd" : "lane" }),
      s("text", { x: 6, y: y + LANE / 2 + 4, class: "lane-label" }, type));
  });
  for (const [year, t] of yearTicks(from, to)) {
    if (t < from || t > to) continue;
    svg.append(s("line", { x1: x(t), x2: x(t), y1: 0, y2: height - AXIS, class: "tick" }),
      s("text", { x: x(t), y: height - 10, class: "tick-label" }, String(year)));
  }
  for (const [event, [start, end]] of dated) {
    const y = types.indexOf(event.event) * LANE + LANE / 2;
    const link = s("a", { href: `#/event/${encodeURIComponent(event.id)}`, class: `mark ${quadClass(event)}`,
      "data-event-id": event.id });
    const wide = x(end) - x(start) > 6;
    link.append(wide
      ? s("rect", { x: x(start), y: y - 5, width: x(end) - x(start), height: 10, rx: 3, class: "span" })
      : s("circle", { cx: x((start + end) / 2), cy: y, r: 5 }));
    svg.append(withTooltip(link, tooltipLines(event)));
  }
  return svg;
}

export async function renderTimeline(root, filters) {
  const { items, total } = await allEvents(filters);
  root.append(
    h("h2", {}, "Timeline"),
    h("p", { class: "summary", "data-testid": "summary" }, `${total} events`),
    h("div", { class: "legend" },
      ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
        .map((label, i) => h("span", { class: `badge quad-${i + 1}` }, label)),
      h("span", { class: "hint" }, "bar = date known only to the month or year")),
    h("figure", { class: "chart" }, timelineSvg(items)),
    eventTable(items),
  );
}
