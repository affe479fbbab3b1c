// DOM building without innerHTML: every piece of data becomes a text node, so article text,
// titles and outlets (which come from arbitrary web pages) can never run as markup or script.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

function setAttributes(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, String(value));
    }
  }
  return el;
}

/** An HTML element: h("a", {href: "#/x"}, "text", otherNode). Strings become text nodes. */
export function h(tag, attrs, ...children) {
  return append(setAttributes(document.createElement(tag), attrs), children);
}

/** An SVG element, as `h` but in the SVG namespace. */
export function s(tag, attrs, ...children) {
  return append(setAttributes(document.createElementNS(SVG_NS, tag), attrs), children);
}

/** Replace everything inside `el` with `children`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * `text` as nodes with the given spans wrapped in <mark>: spans may overlap, and each stretch of
 * text gets the classes of every span covering it. spans: [{start, end, cls, title, id}].
 * Offsets are JavaScript string indices; the API's offsets are Python code-point offsets, so the
 * text is walked by code point (Array.from) to keep astral characters aligned.
 */
export function highlighted(text, spans) {
  const chars = Array.from(text || "");
  const valid = spans.filter((sp) => Number.isInteger(sp.start) && Number.isInteger(sp.end)
    && sp.start >= 0 && sp.end <= chars.length && sp.start < sp.end);
  const cuts = new Set([0, chars.length]);
  for (const sp of valid) { cuts.add(sp.start); cuts.add(sp.end); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i], bounds[i + 1]];
    const piece = chars.slice(from, to).join("");
    const covering = valid.filter((sp) => sp.start <= from && sp.end >= to);
    if (!covering.length) { nodes.push(document.createTextNode(piece)); continue; }
    const mark = h("mark", {
      class: covering.map((sp) => sp.cls).join(" "),
      title: covering.map((sp) => sp.title).filter(Boolean).join("\n") || null,
    }, piece);
    const anchor = covering.find((sp) => sp.id && sp.start === from);
    if (anchor) mark.id = anchor.id;
    nodes.push(mark);
  }
  return nodes;
}

/** One shared floating tooltip; its content is set as text only. */
let tooltipEl = null;
export function showTooltip(evt, lines) {
  if (!tooltipEl) {
    tooltipEl = h("div", { class: "tooltip", role: "tooltip" });
    document.body.append(tooltipEl);
  }
  replace(tooltipEl, ...lines.map((line) => h("div", {}, line)));
  tooltipEl.style.left = `${evt.pageX + 12}px`;
  tooltipEl.style.top = `${evt.pageY + 12}px`;
  tooltipEl.hidden = false;
}

export function hideTooltip() {
  if (tooltipEl) tooltipEl.hidden = true;
}

/** Attach a hover tooltip (and an SVG <title> for accessibility) to an element. */
export function withTooltip(el, lines) {
  el.addEventListener("mousemove", (evt) => showTooltip(evt, lines));
  el.addEventListener("mouseleave", hideTooltip);
  if (el.namespaceURI === SVG_NS) el.append(s("title", {}, lines.join("\n")));
  return el;
}
