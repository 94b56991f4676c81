/** Typed GETs against the node's read-only API (same origin; see /api/v1/openapi.json). */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function get<T>(path: string, params: Record<string, string | number> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) query.set(k, String(v));
  const qs = query.toString();
  const res = await fetch(`api/v1/${path}${qs ? "?" + qs : ""}`, { headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(res.status, body.error ?? `${path}: HTTP ${res.status}`);
  return body as T;
}

export interface NodeInfo {
  role: string;
  hotkey: string;
  status: string;
  healthy: boolean;
  problem?: string;
  version: string;
  facts: Record<string, unknown>;
}

export interface Neuron {
  uid: number; hotkey: string; coldkey: string; role: string; stake: number; trust: number;
  consensus: number; incentive: number; dividends: number; emission: number; permit: boolean;
  active: boolean; axon: string; last_update: number; weights: { uid: number; value: number }[];
}
export interface Metagraph { netuid: number; block: number; tempo: number; chain_id: string; neurons: Neuron[] }

export interface Submission { uid: number; miner: string; outcome: string; admitted: boolean; reason: string; config_id?: string }
export interface MinerScore {
  uid: number; hotkey: string; config_id?: string; dlv: number; novelty: number; efficiency: number;
  immersion: number; passed: boolean; on_front: boolean; reward: number; score: number; weight: number;
  ulfr?: FramedUlfr;
}
/** The ULFR outcome lens over one framing's runs, naming the weight version that made it. */
export interface Ulfr {
  weights: string; u: number; l: number; f: number; risk: number; score: number; runs: number;
  p_failure: number; magnitude: number; irreversibility: number;
}
export interface FramedUlfr { measured: boolean; immersive?: Ulfr; control?: Ulfr; difference?: number }
export interface TrustStanding {
  validator: string; stake: number; trust_before_mt: number; change_mt: number; trust_mt: number;
  weight_factor: number; weight_factor_next: number; stake_share: number; quorum_share: number;
  quorum_share_next: number;
}
export interface Trust { epochs: { epoch: number; block: number; validators: TrustStanding[] }[] }
export interface WeightsSet { epoch: number; block: number; action: string; revealed: boolean; status: string; uids: number[]; values: number[] }
export interface Epoch {
  epoch: number; block: number; submissions: Submission[]; miners: MinerScore[]; weights: WeightsSet;
  aenes: { proposed: number; considered: number; accepted: number };
  checkpoint?: { origin: string; size: number; root: string; signers: string[]; cosigners: string[] };
  notes: string[];
}
export interface Judging {
  epochs: {
    epoch: number;
    configurations: {
      id: string; config_id: string; sim: boolean; dlv: number; alpha: Record<string, number | null>;
      judges: { id: string; kind: string; model: string; sim: boolean }[];
      canaries: { kind: string; dlv: number; passed: boolean }[];
      dropped: Record<string, string>;
    }[];
    reputation: Record<string, number>;
  }[];
}
export interface Models {
  models: {
    model: string; endpoint: string; sim: boolean; replies: number; calls: number; unavailable: number;
    healthy: boolean; mean_latency_ms: number; max_latency_ms: number; last_epoch: number; last_outcome: string;
  }[];
}
export interface CorpusSummary {
  size: number; burned: number;
  growth: { epoch: number; block: number; size: number; accepted: number }[];
  checkpoints: { size: number; origin: string; root: string; signers: string[]; cosigners: string[]; stamp: string }[];
}
export interface SearchResult { index: number; aene: string; observation: string; reasoning: string; action: string; model: string; sim: boolean; dlv: number; epoch: number }
export interface Search { query: string; size: number; results: SearchResult[]; scanned: number; next_before: number; exhausted: boolean }
export interface EntryWithProof {
  index: number;
  entry: {
    aene: { id?: string; observation: string; reasoning: string; action: string | { name?: string; text?: string }; consequences?: unknown };
    provenance: { model: { name: string; simulated: boolean }; [k: string]: unknown };
    verdict: { dlv?: number; heuristics?: Record<string, number>; [k: string]: unknown };
  };
  line: string;
  proof: { tree_size: number; leaf_index: number; root: string; audit_path: string[]; checkpoint: string };
}
export interface Library { tip?: string; served: { id: string; name: string; bytes: number }[]; refused: { id: string; reason: string }[] }
export interface Handouts { handouts: { epoch: number; validator: string; config_id: string; at_ms: number }[] }
export interface Received {
  block: number; registered: boolean; neuron?: Neuron;
  weights: { validator_uid: number; validator: string; stake: number; weight: number; share: number; last_update: number }[];
}
export interface Blocks {
  head: number;
  blocks: {
    number: number; hash: string; parent: string; timestamp_ms: number; state_root: string;
    extrinsics: { signer: string; nonce: number; call: { type: string; [k: string]: unknown } }[];
  }[];
}
