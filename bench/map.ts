/**
 * Map costs a run pays before its first tick: reading, validating and decoding
 * `scenarios/maps/central-asia.json`, and building the drug-route world on it. Issue #5 budgets
 * loading at 50 ms. "Cold" is what a fresh process (a sweep worker) pays: each cold sample runs
 * in a new Node process that imports the modules, loads the map and builds the world once.
 * "Warm" repeats the same calls in this process after the first.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { loadCentralAsiaMap } from "../src/map/file/load.js";
import { worldFromMap } from "../src/worlds/central-asia.js";
import { median } from "./measure.js";

const FILE = fileURLToPath(new URL("../../scenarios/maps/central-asia.json", import.meta.url));
const LOAD_MODULE = new URL("../src/map/file/load.js", import.meta.url).href;
const WORLD_MODULE = new URL("../src/worlds/central-asia.js", import.meta.url).href;

/** One fresh process: import, first load, first world build (ms each). */
interface ColdSample {
  importMs: number;
  loadMs: number;
  buildMs: number;
}

function coldSample(): ColdSample {
  const script = `
    const t0 = performance.now();
    const { loadCentralAsiaMap } = await import(${JSON.stringify(LOAD_MODULE)});
    const { worldFromMap } = await import(${JSON.stringify(WORLD_MODULE)});
    const t1 = performance.now();
    const r = loadCentralAsiaMap(${JSON.stringify(FILE)});
    const t2 = performance.now();
    if (!r.ok) throw new Error("map does not load");
    const w = worldFromMap(r.map);
    const t3 = performance.now();
    if (!w.ok) throw new Error("world does not build");
    console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, buildMs: t3 - t2 }));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  return JSON.parse(out) as ColdSample;
}

/** Median milliseconds of loading the committed map and building its world, cold and warm (`quick`: fewer). */
export async function benchMap(quick: boolean): Promise<{ name: string; medianMs: number; n: number }[]> {
  const calls = quick ? 5 : 30;
  const processes = quick ? 3 : 15;
  const load = () => {
    const r = loadCentralAsiaMap(FILE);
    if (!r.ok) throw new Error(`map does not load: ${r.problems[0]?.message}`);
    return r.map;
  };
  const cold = Array.from({ length: processes }, coldSample);
  const map = load(); // this process's first call (schema compiled, JIT warmed) is not counted below
  worldFromMap(map);
  const loads: number[] = [];
  const builds: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    const m = load();
    const t1 = performance.now();
    if (!worldFromMap(m).ok) throw new Error("world does not build");
    loads.push(t1 - t0);
    builds.push(performance.now() - t1);
  }
  const coldOf = (k: keyof ColdSample) => median(cold.map((s) => s[k]));
  return [
    { name: "cold: import map + world modules (fresh process)", medianMs: coldOf("importMs"), n: processes },
    { name: "cold: load central-asia.json (first call)", medianMs: coldOf("loadMs"), n: processes },
    { name: "cold: build the central-asia world (first call)", medianMs: coldOf("buildMs"), n: processes },
    {
      name: "cold: load + build",
      medianMs: median(cold.map((s) => s.loadMs + s.buildMs)),
      n: processes,
    },
    { name: "warm: load central-asia.json", medianMs: median(loads), n: calls },
    { name: "warm: build the central-asia world", medianMs: median(builds), n: calls },
  ];
}
