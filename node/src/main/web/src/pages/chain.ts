import { ApiError, get, type Blocks, type Metagraph } from "../api";
import { card, fixed, h, short, table } from "../dom";

export function metagraphTable(g: Metagraph): HTMLElement {
  return table(
    [
      { title: "uid", cell: (n) => n.uid, numeric: true },
      { title: "hotkey", cell: (n) => short(n.hotkey) },
      { title: "role", cell: (n) => n.role },
      { title: "stake", cell: (n) => n.stake, numeric: true },
      { title: "trust", cell: (n) => fixed(n.trust), numeric: true },
      { title: "consensus", cell: (n) => fixed(n.consensus), numeric: true },
      { title: "incentive", cell: (n) => fixed(n.incentive), numeric: true },
      { title: "dividends", cell: (n) => fixed(n.dividends), numeric: true },
      { title: "emission", cell: (n) => n.emission, numeric: true },
      { title: "permit", cell: (n) => (n.permit ? "yes" : "") },
      { title: "axon", cell: (n) => h("code", {}, n.axon || "–") },
    ],
    g.neurons,
    "no UID registered",
  );
}

export async function chainPage(view: HTMLElement): Promise<void> {
  const graph = await get<Metagraph>("chain/metagraph");
  let blocks: Blocks | null = null;
  let busy: Blocks | null = null;
  try {
    [blocks, busy] = await Promise.all([
      get<Blocks>("chain/blocks", { limit: 8 }),
      get<Blocks>("chain/blocks", { limit: 25, extrinsics: "only" }),
    ]);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
  }
  view.replaceChildren(
    h("p", {}, `Chain ${graph.chain_id}, netuid ${graph.netuid}, tempo ${graph.tempo}, block ${graph.block}.`),
    card("Metagraph and Yuma outputs of the last epoch", metagraphTable(graph)),
    ...(blocks && busy
      ? [card("Extrinsics", h("div", { id: "extrinsics" }, blockTable(busy, "no extrinsic in the newest blocks"))),
        card("Blocks", blockTable(blocks, "no block"))]
      : [card("Blocks", h("p", { class: "muted" }, "Blocks are served by the chain node's console (this node reads the chain over its client)."))]),
  );
}

function blockTable(blocks: Blocks, empty: string): HTMLElement {
  return table(
    [
      { title: "block", cell: (b) => b.number, numeric: true },
      { title: "hash", cell: (b) => short(b.hash, 12) },
      { title: "time", cell: (b) => new Date(b.timestamp_ms).toISOString().replace("T", " ").slice(0, 19) },
      { title: "extrinsics", cell: (b) => b.extrinsics.length, numeric: true },
      {
        title: "calls",
        cell: (b) => h("span", {}, ...b.extrinsics.map((x) => h("div", {}, h("code", {}, x.call.type), " by ", short(x.signer)))),
      },
    ],
    blocks.blocks,
    empty,
  );
}
