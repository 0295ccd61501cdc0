/**
 * A/B of two built trees on one real-map scenario, for a machine other jobs share: both trees'
 * models are loaded in one process and run alternately seed by seed (setup + 360 days, three
 * warm-up runs each), and each run's main-thread CPU time is read from /proc/thread-self/stat, so
 * time the process spends waiting for a core does not count (nor the compiler's and the garbage
 * collector's helper threads). It also checks that both trees give the same run result, seed by
 * seed. Linux only (10 ms clock ticks: the CPU figure is the mean over the seeds).
 *
 *   node dist/bench/nexus-ab.js <scenario file name> <seeds> <tree A> <tree B>
 *
 * A tree is a checkout with `dist/` built and its own `scenarios/`, such as a git worktree of an
 * older commit (as `scripts/compare-outputs.sh` makes one).
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ModelDefinition } from "../src/core/model.js";
import { machine, median } from "./measure.js";

/** Main-thread CPU time so far (user + system), in 10 ms clock ticks. */
function cpuTicks(): number {
  const fields = readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** One tree's scenario, loaded through the tree's own loader. */
async function loadTree(
  tree: string,
  file: string,
): Promise<{ model: ModelDefinition<unknown>; params: unknown }> {
  const url = pathToFileURL(resolve(tree, "dist/src/scenario/load.js")).href;
  const { loadScenarioFile } = (await import(url)) as typeof import("../src/scenario/load.js");
  const r = loadScenarioFile(resolve(tree, "scenarios", file));
  if (!r.ok) throw new Error(`${file} does not load in ${tree}: ${r.problems[0]?.message}`);
  return { model: r.scenario.model, params: r.scenario.params };
}

/** Figures of one tree over the seeds. */
export interface AbRow {
  tree: string;
  cpuMeanMs: number;
  wallMedianMs: number;
}

/** Run both trees alternately on seeds 1..seeds; throws if their results differ for a seed. */
export async function benchAb(file: string, seeds: number, trees: [string, string]): Promise<AbRow[]> {
  const loaded = await Promise.all(trees.map((t) => loadTree(t, file)));
  const once = (k: number, seed: number) => {
    const { model, params } = loaded[k]!;
    const run = model.setup(params, { seed, ticks: 360 });
    run.simulation.run(360);
    return run;
  };
  for (let w = 0; w < 3; w++) for (let k = 0; k < 2; k++) once(k, 900 + w);
  const ticks = [0, 0];
  const wall: number[][] = [[], []];
  for (let seed = 1; seed <= seeds; seed++) {
    const results: string[] = [];
    // Alternate which tree goes first, so neither always runs on a warmer cache.
    for (const k of seed % 2 ? [0, 1] : [1, 0]) {
      const t0 = cpuTicks();
      const w0 = performance.now();
      const run = once(k, seed);
      wall[k]!.push(performance.now() - w0);
      ticks[k]! += cpuTicks() - t0;
      results[k] = JSON.stringify(run.result());
    }
    if (results[0] !== results[1]) throw new Error(`seed ${seed}: the two trees give different results`);
  }
  return trees.map((tree, k) => ({
    tree,
    cpuMeanMs: (ticks[k]! * 10) / seeds,
    wallMedianMs: median(wall[k]!),
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [file, seeds, a, b] = process.argv.slice(2);
  if (!file || !seeds || !a || !b) {
    console.error("usage: node dist/bench/nexus-ab.js <scenario file name> <seeds> <tree A> <tree B>");
    process.exit(2);
  }
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(" ");
  console.log(`${file}, seeds 1–${seeds}, setup + 360 days — ${machine()}, load average ${load()}`);
  for (const r of await benchAb(file, Number(seeds), [a, b])) {
    console.log(
      `  ${r.tree}: main-thread CPU ${r.cpuMeanMs.toFixed(1)} ms a run (mean), wall ${r.wallMedianMs.toFixed(1)} ms (median)`,
    );
  }
  console.log(`  results equal seed by seed; load average at the end ${load()}`);
}
