/** A tiny element builder: h("td", { class: "num" }, "42"). No innerHTML anywhere. */
export type Child = Node | string | number | null | undefined | false;

export function h(tag: string, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

export interface Column<T> {
  title: string;
  cell: (row: T) => Child;
  numeric?: boolean;
}

export function table<T>(columns: Column<T>[], rows: T[], empty = "nothing yet"): HTMLElement {
  if (rows.length === 0) return h("p", { class: "muted" }, empty);
  return h(
    "table",
    {},
    h("thead", {}, h("tr", {}, ...columns.map((c) => h("th", { class: c.numeric ? "num" : undefined }, c.title)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...columns.map((c) => h("td", { class: c.numeric ? "num" : undefined }, c.cell(r)))))),
  );
}

export function card(title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

export function badge(text: string, kind: "sim" | "good" | "bad" | "warn"): HTMLElement {
  return h("span", { class: `badge ${kind}` }, text);
}

/** The honest label on anything the embedded simulation model produced. */
export function simBadge(sim: boolean): Child {
  return sim ? badge("sim", "sim") : null;
}

export function short(key: string, n = 8): HTMLElement {
  return h("code", { title: key }, key.length > n + 1 ? key.slice(0, n) + "…" : key);
}

export function fixed(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "–";
}

export function errorBox(e: unknown): HTMLElement {
  return h("p", { class: "error" }, e instanceof Error ? e.message : String(e));
}
