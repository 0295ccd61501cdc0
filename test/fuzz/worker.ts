/**
 * A worker thread of the long fuzz pass: for each case index it is sent, it makes that case
 * (fast-check, seeded by the pass seed plus the index), writes the mutated file beside the
 * original in the copied scenarios folder, runs it in process and posts the outcome.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import fc from "fast-check";
import { runCase } from "./case.js";
import { applyCase, CASE } from "./mutations.js";

const { root, seed, name } = workerData as { root: string; seed: number; name: string };

/** Make case `i` and write its mutant; returns the target and the file (the text is garbage after). */
function writeMutant(i: number): { target: string; file: string; bytes: number } {
  const c = fc.sample(CASE, { seed: seed + i, numRuns: 1 })[0]!;
  const text = applyCase(readFileSync(join(root, c.target), "utf8"), c);
  const file = join(root, dirname(c.target), `${name}.yaml`);
  writeFileSync(file, text);
  return { target: c.target, file, bytes: text.length };
}

parentPort!.on("message", (i: number) => {
  const { target, file, bytes } = writeMutant(i);
  // Collect the garbage of earlier cases first (node --expose-gc), so the memory sampled while
  // this case runs is this case's.
  (globalThis as { gc?: () => void }).gc?.();
  // The hang clock starts here: making the mutant is the fuzzer's time, not pamir's.
  parentPort!.postMessage({ i, started: true });
  const t0 = performance.now();
  const outcome = runCase(file, target.includes("/studies/"));
  parentPort!.postMessage({ i, target, outcome, ms: performance.now() - t0, bytes });
});
