import { get, type CorpusSummary, type EntryWithProof, type Search } from "../api";
import { badge, card, errorBox, fixed, h, short, simBadge, table } from "../dom";
import { equal, fromBase64, hex, leafHash, rootFromInclusionProof } from "../merkle";
import { steps } from "../plot";

export async function corpusPage(view: HTMLElement, params: URLSearchParams): Promise<void> {
  const summary = await get<CorpusSummary>("corpus/summary");
  const results = h("div", { id: "results" });
  const entry = h("div", { id: "entry" });
  const input = h("input", { type: "search", name: "q", placeholder: "search observations, reasoning, actions, consequences", value: params.get("q") ?? "" }) as HTMLInputElement;
  const form = h("form", { class: "search", id: "search" }, input, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = `#/corpus?q=${encodeURIComponent(input.value)}`;
  });
  view.replaceChildren(
    h("div", { class: "stats" },
      h("div", { class: "stat" }, h("b", {}, String(summary.size)), h("span", { class: "muted" }, "entries")),
      h("div", { class: "stat" }, h("b", {}, String(summary.checkpoints.length)), h("span", { class: "muted" }, "checkpoints shown")),
      h("div", { class: "stat" }, h("b", {}, String(summary.burned)), h("span", { class: "muted" }, "burned"))),
    h("div", { class: "grid" },
      card("Corpus size over time", growth(summary)),
      card("Checkpoints", checkpoints(summary))),
    card("Aenes", form, results),
    entry,
  );
  await search(results, entry, params.get("q") ?? "");
  const index = params.get("entry");
  if (index !== null) await showEntry(entry, Number(index));
}

function growth(s: CorpusSummary): HTMLElement {
  if (s.growth.length === 0) return h("p", { class: "muted" }, "no finished epoch yet");
  return h("div", { id: "growth" }, steps(s.growth.map((g) => ({ x: g.epoch, y: g.size })), "epoch", "entries", "Corpus size after each epoch"));
}

function checkpoints(s: CorpusSummary): HTMLElement {
  return table(
    [
      { title: "size", cell: (c) => c.size, numeric: true },
      { title: "root", cell: (c) => short(c.root, 12) },
      { title: "signers", cell: (c) => c.signers.join(", ") },
      { title: "cosigners", cell: (c) => c.cosigners.join(", ") || "none yet" },
      { title: "timestamp", cell: (c) => badge(c.stamp, c.stamp === "stamped" ? "good" : c.stamp === "pending" ? "warn" : "bad") },
    ],
    s.checkpoints,
    "no checkpoint yet",
  );
}

async function search(into: HTMLElement, entry: HTMLElement, q: string): Promise<void> {
  const found = await get<Search>("corpus/search", { q, limit: 20 });
  const rows = table(
    [
      { title: "#", cell: (r) => r.index, numeric: true },
      { title: "epoch", cell: (r) => r.epoch, numeric: true },
      { title: "observation", cell: (r) => r.observation },
      { title: "reasoning", cell: (r) => r.reasoning },
      { title: "action", cell: (r) => r.action },
      { title: "model", cell: (r) => h("span", {}, r.model, simBadge(r.sim)) },
      { title: "DLV", cell: (r) => fixed(r.dlv), numeric: true },
      {
        title: "",
        cell: (r) => {
          const b = h("button", { class: "link", "data-index": String(r.index) }, "open + verify");
          b.addEventListener("click", () => void showEntry(entry, r.index));
          return b;
        },
      },
    ],
    found.results,
    q ? `no aene matches “${q}” in the newest ${found.scanned} entries` : "the corpus is empty",
  );
  into.replaceChildren(
    h("p", { class: "muted" }, q ? `${found.results.length} match(es) for “${q}”, ${found.scanned} entries read.` : `Newest entries (${found.size} in all).`),
    rows,
  );
}

async function showEntry(into: HTMLElement, index: number): Promise<void> {
  into.replaceChildren(card(`Entry ${index}`, h("p", { class: "muted" }, "loading…")));
  try {
    const e = await get<EntryWithProof>("corpus/entry", { index });
    // What is shown is parsed from the very bytes that are hashed, not from a second copy.
    const line = fromBase64(e.line);
    const entry = JSON.parse(new TextDecoder().decode(line)) as EntryWithProof["entry"];
    const status = h("p", { class: "proof", id: "proof-status" }, "verifying…");
    into.replaceChildren(card(`Entry ${index}`, aene(entry), h("h3", {}, "Inclusion proof"), status, proofDetails(e)));
    const leaf = await leafHash(line);
    const root = await rootFromInclusionProof(e.proof.leaf_index, e.proof.tree_size, leaf, e.proof.audit_path.map(fromBase64));
    const ok = root !== null && equal(root, fromBase64(e.proof.root));
    status.className = `proof ${ok ? "ok" : "fail"}`;
    status.dataset.verified = String(ok);
    status.textContent = ok
      ? `Verified in this page: SHA-256(0x00 ‖ entry) = ${hex(leaf).slice(0, 16)}… and ${e.proof.audit_path.length} audit hashes lead to the root of the signed checkpoint of size ${e.proof.tree_size}.`
      : `NOT verified: the audit path does not lead to the checkpoint's root (got ${root ? hex(root).slice(0, 16) + "…" : "a path of the wrong length"}).`;
  } catch (err) {
    into.replaceChildren(card(`Entry ${index}`, errorBox(err)));
  }
}

function text(v: unknown): string {
  if (v === undefined || v === null) return "–";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(text).join("\n");
  return JSON.stringify(v, null, 1);
}

function aene(entry: EntryWithProof["entry"]): HTMLElement {
  const a = entry.aene;
  const action = typeof a.action === "string" ? a.action : `${a.action.text ?? ""}${a.action.name ? ` (${a.action.name})` : ""}`;
  const heuristics = entry.verdict.heuristics;
  return h("dl", { class: "aene" },
    h("dt", {}, "Model"), h("dd", {}, entry.provenance.model.name, simBadge(entry.provenance.model.simulated)),
    h("dt", {}, "Observation"), h("dd", {}, a.observation),
    h("dt", {}, "Reasoning"), h("dd", {}, a.reasoning),
    h("dt", {}, "Action"), h("dd", {}, action),
    h("dt", {}, "Consequences"), h("dd", {}, a.consequences === undefined ? "not recorded in this entry" : text(a.consequences)),
    h("dt", {}, "Verdict"),
    h("dd", {}, `DLV ${fixed(entry.verdict.dlv ?? NaN)}`),
    heuristics
      ? h("dd", {}, table([{ title: "heuristic", cell: (x: { k: string; v: number }) => x.k }, { title: "score", cell: (x) => fixed(x.v), numeric: true }],
        Object.entries(heuristics).map(([k, v]) => ({ k, v }))))
      : h("dd", { class: "muted" }, "no per-heuristic verdict in this entry"),
  );
}

function proofDetails(e: EntryWithProof): HTMLElement {
  return h("details", {},
    h("summary", {}, `tree size ${e.proof.tree_size}, leaf ${e.proof.leaf_index}, ${e.proof.audit_path.length} hashes`),
    h("p", {}, "Root ", h("code", {}, e.proof.root)),
    h("ol", {}, ...e.proof.audit_path.map((p) => h("li", {}, h("code", {}, p)))),
    h("h3", {}, "Signed checkpoint"),
    h("pre", {}, e.proof.checkpoint));
}
