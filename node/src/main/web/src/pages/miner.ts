import { get, type Handouts, type Library, type Received } from "../api";
import { card, fixed, h, short, table } from "../dom";

export async function minerPage(view: HTMLElement): Promise<void> {
  const [library, handouts, received] = await Promise.all([
    get<Library>("miner/library"),
    get<Handouts>("miner/handouts", { limit: 50 }),
    get<Received>("miner/received"),
  ]);
  const n = received.neuron;
  view.replaceChildren(
    h("div", { class: "stats" },
      stat("configurations served", library.served.length),
      stat("refused", library.refused.length),
      stat("incentive", n ? fixed(n.incentive) : "not registered"),
      stat("emission", n ? n.emission : "–"),
      stat("uid", n ? n.uid : "–")),
    h("div", { class: "grid" },
      card("Library", table(
        [
          { title: "name", cell: (c) => c.name },
          { title: "id", cell: (c) => short(c.id, 12) },
          { title: "signed bytes", cell: (c) => c.bytes, numeric: true },
        ],
        library.served, "nothing to serve: add a configuration with `aurelius miner add`"),
        library.refused.length
          ? h("div", {}, h("h3", {}, "Refused"), table([{ title: "id", cell: (r) => short(r.id, 12) }, { title: "reason", cell: (r) => r.reason }], library.refused))
          : null),
      card("Weights received", table(
        [
          { title: "validator", cell: (w) => h("span", {}, `uid ${w.validator_uid} `, short(w.validator)) },
          { title: "stake", cell: (w) => w.stake, numeric: true },
          { title: "weight", cell: (w) => w.weight, numeric: true },
          { title: "share", cell: (w) => fixed(w.share), numeric: true },
          { title: "last update", cell: (w) => w.last_update, numeric: true },
        ],
        received.weights, "no validator registered"))),
    card("Configurations validators took", table(
      [
        { title: "epoch", cell: (x) => x.epoch, numeric: true },
        { title: "validator", cell: (x) => short(x.validator) },
        { title: "configuration", cell: (x) => short(x.config_id, 12) },
        { title: "at", cell: (x) => new Date(x.at_ms).toISOString().replace("T", " ").slice(0, 19) },
      ],
      handouts.handouts, "no validator has queried this miner since it started")),
  );
}

function stat(label: string, value: string | number): HTMLElement {
  return h("div", { class: "stat" }, h("b", {}, String(value)), h("span", { class: "muted" }, label));
}
