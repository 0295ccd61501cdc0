/**
 * Map loading cost: reading, validating and decoding `scenarios/maps/central-asia.json`, the
 * price a sweep pays once per worker. Issue #5 budgets it at 50 ms.
 */
import { fileURLToPath } from "node:url";
import { loadCentralAsiaMap } from "../src/map/load.js";
import { median } from "./measure.js";

const FILE = fileURLToPath(new URL("../../scenarios/maps/central-asia.json", import.meta.url));

/** Median milliseconds of `loadCentralAsiaMap` on the committed map (`quick`: fewer calls). */
export async function benchMap(quick: boolean): Promise<{ name: string; medianMs: number; n: number }[]> {
  const calls = quick ? 5 : 30;
  const load = () => {
    const r = loadCentralAsiaMap(FILE);
    if (!r.ok) throw new Error(`map does not load: ${r.errors[0]?.message}`);
  };
  const t0 = performance.now();
  load(); // the first call also compiles the schema and warms the JIT: reported on its own
  const first = performance.now() - t0;
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    load();
    ms.push(performance.now() - t);
  }
  return [
    { name: "load central-asia.json (first call, cold)", medianMs: first, n: 1 },
    { name: "load central-asia.json (warm)", medianMs: median(ms), n: calls },
  ];
}
