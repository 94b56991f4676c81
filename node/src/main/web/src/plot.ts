/** Small SVG plots: a scatter (the Pareto front) and a step line (corpus size over time). */
const NS = "http://www.w3.org/2000/svg";
const W = 520;
const H = 300;
const M = { left: 52, right: 16, top: 16, bottom: 40 };

function s(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

interface Scale { (v: number): number; ticks: number[] }

function scale(min: number, max: number, from: number, to: number): Scale {
  if (max <= min) max = min + 1;
  const f = ((v: number) => from + ((v - min) / (max - min)) * (to - from)) as Scale;
  f.ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => min + t * (max - min));
  return f;
}

function frame(svg: SVGElement, x: Scale, y: Scale, xLabel: string, yLabel: string, fmtX = fmt, fmtY = fmt): void {
  svg.append(s("line", { class: "axis", x1: M.left, y1: H - M.bottom, x2: W - M.right, y2: H - M.bottom }));
  svg.append(s("line", { class: "axis", x1: M.left, y1: M.top, x2: M.left, y2: H - M.bottom }));
  for (const t of x.ticks) svg.append(s("text", { x: x(t), y: H - M.bottom + 14, "text-anchor": "middle" }, fmtX(t)));
  for (const t of y.ticks) svg.append(s("text", { x: M.left - 6, y: y(t) + 4, "text-anchor": "end" }, fmtY(t)));
  svg.append(s("text", { x: (M.left + W - M.right) / 2, y: H - 6, "text-anchor": "middle" }, xLabel));
  svg.append(s("text", { x: 12, y: (M.top + H - M.bottom) / 2, "text-anchor": "middle", transform: `rotate(-90 12 ${(M.top + H - M.bottom) / 2})` }, yLabel));
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2);
}

function root(label: string): SVGElement {
  return s("svg", { class: "plot", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label });
}

export interface Point { x: number; y: number; r: number; kind: "front" | "behind" | "failed"; title: string }

/** Each point a miner: x and y two objectives, radius the third; the front drawn filled and joined. */
export function scatter(points: Point[], xLabel: string, yLabel: string, label: string): SVGElement {
  const svg = root(label);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = scale(Math.min(0, ...xs), Math.max(1e-9, ...xs), M.left, W - M.right);
  const y = scale(Math.min(0, ...ys), Math.max(1e-9, ...ys), H - M.bottom, M.top);
  frame(svg, x, y, xLabel, yLabel);
  const front = points.filter((p) => p.kind === "front").sort((a, b) => a.x - b.x);
  if (front.length > 1) {
    svg.append(s("polyline", { class: "line", points: front.map((p) => `${x(p.x)},${y(p.y)}`).join(" ") }));
  }
  for (const p of points) {
    const c = s("circle", { class: p.kind, cx: x(p.x), cy: y(p.y), r: 4 + 8 * Math.max(0, Math.min(1, p.r)), "data-kind": p.kind });
    c.append(s("title", {}, p.title));
    svg.append(c);
  }
  return svg;
}

/** A series over a whole-number axis (epochs), drawn as steps with a dot per point. */
export function steps(points: { x: number; y: number }[], xLabel: string, yLabel: string, label: string): SVGElement {
  const svg = root(label);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const x = lo === hi ? scale(lo - 1, hi + 1, M.left, W - M.right) : scale(lo, hi, M.left, W - M.right);
  x.ticks = [...new Set(x.ticks.map(Math.round))];
  const y = scale(0, Math.max(1, ...ys), H - M.bottom, M.top);
  frame(svg, x, y, xLabel, yLabel, (v) => v.toFixed(0), (v) => v.toFixed(0));
  let d = "";
  points.forEach((p, i) => {
    d += i === 0 ? `M${x(p.x)},${y(p.y)}` : `H${x(p.x)}V${y(p.y)}`;
  });
  svg.append(s("path", { class: "line", d }));
  for (const p of points) {
    const c = s("circle", { class: "dot", cx: x(p.x), cy: y(p.y), r: 3.5 });
    c.append(s("title", {}, `${xLabel} ${p.x}: ${p.y}`));
    svg.append(c);
  }
  return svg;
}
