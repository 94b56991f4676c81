// Drives the console in headless Chromium against a running devnet (node's ConsoleIT starts one).
// Environment: CHROMIUM (the browser's path), VALIDATOR, MINER and CHAIN (base URLs),
// SCREENSHOTS (a directory). Prints one line per check and "N passed, N failed"; exits 1 on a
// failure.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const env = (name) => {
  const v = process.env[name];
  if (!v) {
    console.error(`${name}: missing (expected: set by ConsoleIT)`);
    process.exit(2);
  }
  return v;
};
const [validator, miner, chain, shots] = ["VALIDATOR", "MINER", "CHAIN", "SCREENSHOTS"].map(env);
mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message.split("\n")[0]}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const browser = await chromium.launch({
  executablePath: env("CHROMIUM"),
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});
const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
const page = await context.newPage();
const problems = [];
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("console", (m) => {
  if (m.type() === "error") problems.push(`console error: ${m.text()}`);
});

async function open(url) {
  await page.goto(url, { waitUntil: "load", timeout: 20000 });
  await page.waitForSelector('#view[data-ready="true"]', { timeout: 20000 });
  const error = await page.locator("#view .error").count();
  assert(error === 0, `the page shows an error: ${error ? await page.locator("#view .error").first().textContent() : ""}`);
}

await check("validator page loads with the metagraph, submissions and a Pareto plot", async () => {
  await open(`${validator}/#/validator`);
  const rows = await page.locator("table tbody tr").count();
  assert(rows > 0, "no table rows");
  const points = await page.locator("#pareto svg circle").count();
  assert(points > 0, "the Pareto plot has no point");
  const front = await page.locator('#pareto svg circle[data-kind="front"]').count();
  assert(front > 0, "no miner on the front");
  assert((await page.locator("text=admitted").count()) > 0, "no admitted submission shown");
  await page.screenshot({ path: join(shots, "validator.png"), fullPage: true });
});

await check("validator page shows ULFR beside DLV and Proof of Trust per validator with data", async () => {
  const ulfrRows = await page.locator("#ulfr table tbody tr").count();
  assert(ulfrRows > 0, "no configuration in the ULFR table");
  const version = (await page.locator("#ulfr table tbody tr td:nth-child(11)").first().textContent()) ?? "";
  assert(/^ulfr-v\d+$/.test(version.trim()), `no weight version in the ULFR table: "${version}"`);
  const score = (await page.locator("#ulfr table tbody tr td:nth-child(8)").first().textContent()) ?? "";
  assert(/^-?\d+\.\d{3}$/.test(score.trim()), `no ULFR score: "${score}"`);
  const trustRows = await page.locator("#trust table").first().locator("tbody tr").count();
  assert(trustRows > 0, "no validator in the trust table");
  const trust = (await page.locator("#trust table").first().locator("tbody tr td:nth-child(3)").first().textContent()) ?? "";
  assert(/^-?\d+ mT$/.test(trust.trim()), `no trust in mT: "${trust}"`);
  const share = (await page.locator("#trust table").first().locator("tbody tr td:nth-child(8)").first().textContent()) ?? "";
  assert(/^\d+\.\d %$/.test(share.trim()), `no quorum share: "${share}"`);
  const history = await page.locator("#trust table").nth(1).locator("tbody tr").count();
  assert(history > 0, "no trust history");
});

let word = "";
await check("corpus page plots its size over time and lists aenes", async () => {
  await open(`${validator}/#/corpus`);
  const dots = await page.locator("#growth svg circle").count();
  assert(dots > 0, "the size plot has no point");
  const rows = await page.locator("#results table tbody tr").count();
  assert(rows > 0, "no aene listed");
  const observation = (await page.locator("#results table tbody tr td:nth-child(3)").first().textContent()) ?? "";
  word = observation.split(/[^A-Za-z]+/).filter((w) => w.length >= 6).sort((a, b) => b.length - a.length)[0] ?? "";
  assert(word.length > 0, `no searchable word in "${observation.slice(0, 80)}"`);
});

await check("a search finds an aene", async () => {
  await page.fill("#search input", word);
  await page.click("#search button");
  await page.waitForFunction((w) => location.hash.includes(encodeURIComponent(w)), word);
  await page.waitForSelector('#view[data-ready="true"]');
  const rows = await page.locator("#results table tbody tr").count();
  assert(rows > 0, `no result for "${word}"`);
  const text = (await page.locator("#results table tbody tr").first().textContent()) ?? "";
  assert(text.toLowerCase().includes(word.toLowerCase()), `the first result does not contain "${word}"`);
});

await check("an inclusion proof verifies in the page", async () => {
  await page.locator("#results button.link").first().click();
  const status = page.locator("#proof-status");
  await status.waitFor({ timeout: 10000 });
  await page.waitForFunction(() => document.querySelector("#proof-status")?.dataset.verified !== undefined, null, { timeout: 10000 });
  const verified = await status.getAttribute("data-verified");
  assert(verified === "true", `not verified: ${await status.textContent()}`);
  await page.screenshot({ path: join(shots, "corpus.png"), fullPage: true });
});

await check("an entry altered on the way does not verify", async () => {
  await page.route("**/api/v1/corpus/entry*", async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const text = Buffer.from(body.line, "base64").toString("utf8").replace('"reasoning":"', '"reasoning":"Altered. ');
    body.line = Buffer.from(text, "utf8").toString("base64");
    await route.fulfill({ response, json: body });
  });
  await page.locator("#results button.link").first().click();
  await page.waitForFunction(() => document.querySelector("#proof-status")?.dataset.verified !== undefined, null, { timeout: 10000 });
  const verified = await page.locator("#proof-status").getAttribute("data-verified");
  assert(verified === "false", "an altered entry verified");
  assert((await page.locator("#entry").textContent()).includes("Altered."), "the altered text is not what is shown");
  await page.unroute("**/api/v1/corpus/entry*");
});

await check("miner page shows its library, handouts and weights received", async () => {
  await open(`${miner}/#/miner`);
  const tables = await page.locator("table").count();
  assert(tables >= 2, `only ${tables} tables`);
  assert((await page.locator("text=Weights received").count()) === 1, "no weights section");
  await page.screenshot({ path: join(shots, "miner.png"), fullPage: true });
});

await check("chain page shows the metagraph and blocks with extrinsics", async () => {
  await open(`${chain}/#/chain`);
  const blocks = await page.locator("section:has(h2:text('Blocks')) tbody tr").count();
  assert(blocks > 0, "no block listed");
  const calls = await page.locator("#extrinsics tbody tr code").allTextContents();
  assert(calls.length > 0, "no extrinsic listed");
  const neurons = await page.locator("section:has(h2:text('Metagraph')) tbody tr").count();
  assert(neurons > 0, "no UID in the metagraph");
  await page.screenshot({ path: join(shots, "chain.png"), fullPage: true });
});

await check("no script error and no CSP violation on any page", async () => {
  assert(problems.length === 0, problems.join("; "));
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
