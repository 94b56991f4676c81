// Bundles the console into the folder given as the first argument (the Maven build passes
// target/classes/io/aurelius/node/console/web), with index.html and app.css beside app.js.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2];
if (!out) {
  console.error("usage: node build.mjs OUTPUT_DIRECTORY");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  outfile: join(out, "app.js"),
  legalComments: "none",
  logLevel: "warning",
});
for (const name of ["index.html", "app.css"]) {
  copyFileSync(join("static", name), join(out, name));
}
