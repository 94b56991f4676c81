import { get, type Epoch, type Judging, type Metagraph, type Models } from "../api";
import { badge, card, fixed, h, short, simBadge, table } from "../dom";
import { scatter } from "../plot";
import { metagraphTable } from "./chain";

export async function validatorPage(view: HTMLElement): Promise<void> {
  const [graph, { epochs }, judging, models] = await Promise.all([
    get<Metagraph>("chain/metagraph"),
    get<{ epochs: Epoch[] }>("validator/epochs", { limit: 10 }),
    get<Judging>("validator/judging"),
    get<Models>("validator/models"),
  ]);
  const latest = epochs[0];
  const children: (HTMLElement | null)[] = [
    h("div", { class: "stats" },
      stat("epochs shown", epochs.length),
      stat("latest epoch", latest ? latest.epoch : "–"),
      stat("submissions", latest ? latest.submissions.length : "–"),
      stat("aenes accepted", latest ? latest.aenes.accepted : "–"),
      stat("chain block", graph.block)),
    h("div", { class: "grid" },
      card(`Pareto front${latest ? ` — epoch ${latest.epoch}` : ""}`, latest ? pareto(latest) : h("p", { class: "muted" }, "no finished epoch yet")),
      card("Weights set", weightsHistory(epochs))),
    card("Metagraph", metagraphTable(graph)),
    latest ? card(`Scores — epoch ${latest.epoch}`, scores(latest)) : null,
    card("Submissions", ...epochs.map(submissions)),
    h("div", { class: "grid" },
      card("Judge agreement (Krippendorff's α) and canaries", judgingTable(judging)),
      card("Model endpoints", modelsTable(models))),
  ];
  view.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
}

function stat(label: string, value: string | number): HTMLElement {
  return h("div", { class: "stat" }, h("b", {}, String(value)), h("span", { class: "muted" }, label));
}

function pareto(e: Epoch): HTMLElement {
  const scored = e.miners.filter((m) => m.config_id !== undefined);
  const plot = scatter(
    scored.map((m) => ({
      x: m.novelty,
      y: m.efficiency,
      r: m.immersion,
      kind: m.on_front ? "front" : m.passed ? "behind" : "failed",
      title: `uid ${m.uid}: novelty ${fixed(m.novelty)}, efficiency ${fixed(m.efficiency)}, immersion ${fixed(m.immersion)}, DLV ${fixed(m.dlv)}${m.passed ? "" : " (below the DLV gate)"}`,
    })),
    "novelty", "token efficiency", "Pareto front of novelty, efficiency and immersion",
  );
  return h("div", { id: "pareto" }, plot,
    h("p", { class: "muted" }, "Filled blue: on the first front (rewarded); grey: passed the DLV gate, dominated; red ring: below the gate. Radius: immersion."));
}

function scores(e: Epoch): HTMLElement {
  return table(
    [
      { title: "uid", cell: (m) => m.uid, numeric: true },
      { title: "miner", cell: (m) => short(m.hotkey) },
      { title: "config", cell: (m) => (m.config_id ? short(m.config_id) : "–") },
      { title: "DLV", cell: (m) => fixed(m.dlv), numeric: true },
      { title: "novelty", cell: (m) => fixed(m.novelty), numeric: true },
      { title: "efficiency", cell: (m) => fixed(m.efficiency), numeric: true },
      { title: "immersion", cell: (m) => fixed(m.immersion), numeric: true },
      { title: "gate", cell: (m) => (m.passed ? badge("passed", "good") : badge("failed", "bad")) },
      { title: "front", cell: (m) => (m.on_front ? badge("front", "good") : "") },
      { title: "reward", cell: (m) => fixed(m.reward), numeric: true },
      { title: "score (EMA)", cell: (m) => fixed(m.score), numeric: true },
      { title: "weight", cell: (m) => m.weight, numeric: true },
    ],
    e.miners,
  );
}

function submissions(e: Epoch): HTMLElement {
  return h("div", {},
    h("h3", {}, `Epoch ${e.epoch} (block ${e.block})`),
    table(
      [
        { title: "uid", cell: (s) => s.uid, numeric: true },
        { title: "miner", cell: (s) => short(s.miner) },
        { title: "outcome", cell: (s) => badge(s.outcome, s.admitted ? "good" : "bad") },
        { title: "reason", cell: (s) => s.reason },
        { title: "config", cell: (s) => (s.config_id ? short(s.config_id) : "–") },
      ],
      e.submissions, "no submission"),
    e.notes.length ? h("p", { class: "muted" }, "Notes: " + e.notes.join("; ")) : null);
}

function weightsHistory(epochs: Epoch[]): HTMLElement {
  return table(
    [
      { title: "epoch", cell: (e) => e.epoch, numeric: true },
      { title: "action", cell: (e) => e.weights.action + (e.weights.revealed ? " + reveal" : "") },
      { title: "status", cell: (e) => badge(e.weights.status, e.weights.status === "accepted" ? "good" : "warn") },
      { title: "uid → weight", cell: (e) => e.weights.uids.map((u, i) => `${u}→${e.weights.values[i]}`).join("  ") || "–" },
    ],
    epochs,
  );
}

function judgingTable(j: Judging): HTMLElement {
  const rows = j.epochs.flatMap((e) => e.configurations.map((c) => ({ epoch: e.epoch, ...c })));
  return table(
    [
      { title: "epoch", cell: (r) => r.epoch, numeric: true },
      { title: "configuration", cell: (r) => h("span", {}, r.id, simBadge(r.sim)) },
      { title: "judges", cell: (r) => h("span", {}, ...r.judges.map((x) => h("span", {}, x.id, simBadge(x.sim), " "))) },
      { title: "α (dlv)", cell: (r) => (r.alpha.dlv == null ? "undefined" : fixed(r.alpha.dlv)), numeric: true },
      { title: "canaries", cell: (r) => h("span", {}, ...r.canaries.map((c) => badge(c.kind, c.passed ? "good" : "bad"))) },
    ],
    rows,
    "no epoch judged since this node started",
  );
}

function modelsTable(m: Models): HTMLElement {
  return table(
    [
      { title: "model", cell: (r) => h("span", {}, r.model, simBadge(r.sim)) },
      { title: "endpoint", cell: (r) => r.endpoint || "in process" },
      { title: "health", cell: (r) => (r.healthy ? badge("up", "good") : badge("down", "bad")) },
      { title: "replies", cell: (r) => r.replies, numeric: true },
      { title: "unavailable", cell: (r) => r.unavailable, numeric: true },
      { title: "mean ms", cell: (r) => fixed(r.mean_latency_ms, 1), numeric: true },
      { title: "max ms", cell: (r) => r.max_latency_ms, numeric: true },
    ],
    m.models,
    "no model reply since this node started",
  );
}
