import { get, type Epoch, type Judging, type Metagraph, type MinerScore, type Models, type NodeInfo, type Trust } from "../api";
import { badge, card, fixed, h, short, simBadge, table } from "../dom";
import { scatter } from "../plot";
import { metagraphTable } from "./chain";

export async function validatorPage(view: HTMLElement): Promise<void> {
  const [graph, { epochs }, judging, models, trust, node] = await Promise.all([
    get<Metagraph>("chain/metagraph"),
    get<{ epochs: Epoch[] }>("validator/epochs", { limit: 10 }),
    get<Judging>("validator/judging"),
    get<Models>("validator/models"),
    get<Trust>("validator/trust", { limit: 20 }),
    get<NodeInfo>("node"),
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
    latest ? card(`Outcomes (ULFR) beside DLV — epoch ${latest.epoch}`, outcomes(latest)) : null,
    card("Proof of Trust", trustCard(trust, node.hotkey)),
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
      { title: "ULFR", cell: (m) => (m.ulfr?.immersive ? fixed(m.ulfr.immersive.score) : "–"), numeric: true },
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

/** Per configuration: DLV, then the ULFR lens of its immersive runs, its control runs' score and the difference. */
function outcomes(e: Epoch): HTMLElement {
  const scored = e.miners.filter((m) => m.ulfr !== undefined);
  const imm = (m: MinerScore) => m.ulfr?.immersive;
  return h("div", { id: "ulfr" },
    table(
      [
        { title: "uid", cell: (m) => m.uid, numeric: true },
        { title: "config", cell: (m) => (m.config_id ? short(m.config_id) : "–") },
        { title: "DLV", cell: (m) => fixed(m.dlv), numeric: true },
        { title: "U", cell: (m) => num(imm(m)?.u), numeric: true },
        { title: "L", cell: (m) => num(imm(m)?.l), numeric: true },
        { title: "F", cell: (m) => num(imm(m)?.f), numeric: true },
        { title: "Risk", cell: (m) => num(imm(m)?.risk), numeric: true },
        { title: "Score", cell: (m) => num(imm(m)?.score), numeric: true },
        { title: "control Score", cell: (m) => num(m.ulfr?.control?.score), numeric: true },
        { title: "immersive − control", cell: (m) => num(m.ulfr?.difference), numeric: true },
        { title: "weights", cell: (m) => h("code", {}, imm(m)?.weights ?? m.ulfr?.control?.weights ?? "–") },
        { title: "measured", cell: (m) => (m.ulfr?.measured ? "yes" : badge("no outcome map", "warn")) },
      ],
      scored,
      "no configuration scored",
    ),
    h("p", { class: "muted" }, "U, L, F, Risk and Score of the immersive runs over their seeds; Score = α·U + β·L − γ·F − δ·Risk with the weights of the version named, which the covenant sets."));
}

function num(x: number | undefined): string {
  return x === undefined ? "–" : fixed(x);
}

/** Each validator's trust at the latest consensus with its weight in the quorum, then its trust per epoch. */
function trustCard(t: Trust, self: string): HTMLElement {
  const latest = t.epochs.find((e) => e.validators.length > 0);
  if (!latest) return h("p", { id: "trust", class: "muted" }, "no consensus decided with trust yet");
  const who = (v: string) => h("span", {}, short(v), v === self ? badge("this node", "good") : null);
  const mt = (x: number) => `${Math.round(x)} mT`;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const validators = latest.validators.map((v) => v.validator);
  const history = t.epochs.filter((e) => e.validators.length > 0);
  return h("div", { id: "trust" },
    h("h3", {}, `At the consensus of epoch ${latest.epoch}`),
    table(
      [
        { title: "validator", cell: (v) => who(v.validator) },
        { title: "stake", cell: (v) => v.stake, numeric: true },
        { title: "trust", cell: (v) => mt(v.trust_mt), numeric: true },
        { title: "change", cell: (v) => (v.change_mt > 0 ? "+" : "") + mt(v.change_mt), numeric: true },
        { title: "weight factor", cell: (v) => "×" + fixed(v.weight_factor, 2), numeric: true },
        { title: "next factor", cell: (v) => "×" + fixed(v.weight_factor_next, 2), numeric: true },
        { title: "stake share", cell: (v) => pct(v.stake_share), numeric: true },
        { title: "quorum share", cell: (v) => pct(v.quorum_share), numeric: true },
        { title: "next quorum share", cell: (v) => pct(v.quorum_share_next), numeric: true },
      ],
      latest.validators,
    ),
    h("h3", {}, "Trust per epoch (weight factor)"),
    table(
      [
        { title: "epoch", cell: (e) => e.epoch, numeric: true },
        ...validators.map((a) => ({
          title: a.slice(0, 8) + "…",
          numeric: true,
          cell: (e: Trust["epochs"][number]) => {
            const v = e.validators.find((x) => x.validator === a);
            return v ? `${mt(v.trust_mt)} ×${fixed(v.weight_factor_next, 2)}` : "–";
          },
        })),
      ],
      history,
    ),
    h("p", { class: "muted" }, "Proof of Trust: per decided aene trust moves by α·[ln q(y) − ln p_m(y)], the log score of the validator's forecast against the stake-weighted market's; its stake counts in the quorum × f(trust − mean trust), bounded."));
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
