/**
 * The console: a hash router over four pages. Which pages a node offers follows its role (a
 * validator serves the validator and corpus pages, a miner the miner page, the chain its blocks);
 * the chain page (metagraph) is on every node.
 */
import { get, type NodeInfo } from "./api";
import { errorBox, h } from "./dom";
import { chainPage } from "./pages/chain";
import { corpusPage } from "./pages/corpus";
import { minerPage } from "./pages/miner";
import { validatorPage } from "./pages/validator";

type Page = (view: HTMLElement, params: URLSearchParams) => Promise<void>;

const PAGES: Record<string, { title: string; page: Page; roles: string[] }> = {
  validator: { title: "Validator", page: validatorPage, roles: ["validator"] },
  corpus: { title: "Corpus", page: corpusPage, roles: ["validator"] },
  miner: { title: "Miner", page: minerPage, roles: ["miner"] },
  chain: { title: "Chain", page: chainPage, roles: ["validator", "miner", "chain"] },
};

let node: NodeInfo;

async function start(): Promise<void> {
  const view = document.getElementById("view")!;
  try {
    node = await get<NodeInfo>("node");
  } catch (e) {
    view.replaceChildren(errorBox(e));
    return;
  }
  document.getElementById("identity")!.textContent =
    `${node.role} ${node.hotkey.slice(0, 10)}… · ${node.status}${node.problem ? ` (${node.problem})` : ""} · ${node.version}`;
  const nav = document.getElementById("nav")!;
  for (const [name, p] of Object.entries(PAGES)) {
    if (p.roles.includes(node.role)) nav.append(h("a", { href: `#/${name}`, "data-page": name }, p.title));
  }
  window.addEventListener("hashchange", () => void route(view));
  await route(view);
}

async function route(view: HTMLElement): Promise<void> {
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?", 2);
  const available = Object.keys(PAGES).filter((n) => PAGES[n].roles.includes(node.role));
  const name = available.includes(path) ? path : available[0];
  for (const a of document.querySelectorAll<HTMLAnchorElement>("nav a")) {
    a.classList.toggle("active", a.dataset.page === name);
  }
  document.title = `${PAGES[name].title} · Aurelius ${node.role}`;
  view.dataset.page = name;
  view.dataset.ready = "false";
  try {
    await PAGES[name].page(view, new URLSearchParams(query ?? ""));
  } catch (e) {
    view.replaceChildren(errorBox(e));
  }
  view.dataset.ready = "true";
}

void start();
