/**
 * Nexus on the real map: what a study worker pays per run once the map is loaded, for the two
 * default scenarios (`central-asia-route-control.yaml`, `central-asia-incursion-drill.yaml`):
 * setup (building a run on the loaded world) and the 360 days timed apart, median of seeds 1–10
 * after ten warm-up runs (a study worker runs hundreds; with three, the first timed seeds still
 * paid for the compiler's later tiers: up to 630 ms against about 210), one core, in process; route-control again at 1×, 4× and 16× the agents
 * (scaled as in `nexus.ts`); and what a user pays for one whole `pamir run` of it in a fresh
 * process (Node start, module loading, map, setup, days, JSON), 360 days and 1 day.
 * `node dist/bench/nexus-map.js [--quick]` runs this bench alone.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ModelDefinition } from "../src/core/model.js";
import type { NexusModelParams } from "../src/models/nexus/params.js";
import { applySwitches } from "../src/models/nexus/params.js";
import { type NexusRun, nexusRun } from "../src/models/nexus/schedule.js";
import { loadScenarioFile } from "../src/scenario/load.js";
import { benchScaled, machine, median, type ScaledRow } from "./measure.js";
import { liveAgents, scaledNexus } from "./nexus.js";

const SCENARIOS = ["central-asia-route-control.yaml", "central-asia-incursion-drill.yaml"];
const CLI = fileURLToPath(new URL("../src/cli/main.js", import.meta.url));

/** A shipped scenario's file path. */
function scenarioFile(name: string): string {
  return fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));
}

/** A shipped scenario's model and parsed parameters. */
function scenario(name: string): { model: ModelDefinition<unknown>; params: unknown } {
  const r = loadScenarioFile(scenarioFile(name));
  if (!r.ok) throw new Error(`${name} does not load: ${r.problems[0]?.message}`);
  return { model: r.scenario.model, params: r.scenario.params };
}

/** One figure: median setup and days of a scenario's run, ms. */
export interface SplitRow {
  name: string;
  setupMs: number;
  daysMs: number;
  n: number;
}

/** Setup and 360 days timed apart, as `core/run.ts` runs a scenario (`quick`: 60 days, 3 seeds). */
function benchSplit(name: string, quick: boolean): SplitRow {
  const { model, params } = scenario(name);
  const days = quick ? 60 : 360;
  const seeds = quick ? 3 : 10;
  const once = (seed: number) => {
    const t0 = performance.now();
    const run = model.setup(params, { seed, ticks: days });
    const t1 = performance.now();
    run.simulation.run(days);
    return [t1 - t0, performance.now() - t1] as const;
  };
  for (let w = 0; w < (quick ? 1 : 10); w++) once(900 + w);
  const setup: number[] = [];
  const step: number[] = [];
  for (let s = 1; s <= seeds; s++) {
    const [a, b] = once(s);
    setup.push(a);
    step.push(b);
  }
  return { name: `${name} ${days} d`, setupMs: median(setup), daysMs: median(step), n: seeds };
}

/** Route-control on the real map at 1×, 4× and 16× the agents (setup included, as `nexus.ts`). */
function benchMapScaled(quick: boolean): ScaledRow[] {
  const base = applySwitches(scenario(SCENARIOS[0]!).params as NexusModelParams);
  const params = new Map([1, 4, 16].map((k) => [k, scaledNexus(base, k)]));
  return benchScaled("nexus map route-control", quick, (k, seed, count) => {
    const run: NexusRun = nexusRun(params.get(k)!, seed, () => count(liveAgents(run)));
    return run;
  });
}

/** Median wall ms of whole `pamir run` calls in fresh processes (`ticks` days). */
function benchCli(name: string, ticks: number, calls: number): { name: string; medianMs: number; n: number } {
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [CLI, "run", scenarioFile(name), "--json", "--ticks", String(ticks)], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    ms.push(performance.now() - t0);
  }
  return { name: `pamir run ${name} --ticks ${ticks}, fresh process`, medianMs: median(ms), n: calls };
}

/** Every figure of this bench as printable lines. */
export async function benchNexusMap(quick: boolean): Promise<string[]> {
  const out: string[] = [];
  const load = () =>
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`;
  out.push(`start: ${load()}`);
  for (const name of SCENARIOS) {
    const r = benchSplit(name, quick);
    const total = r.setupMs + r.daysMs;
    out.push(
      `${r.name}: setup ${r.setupMs.toFixed(1)} ms + days ${r.daysMs.toFixed(1)} ms = ${total.toFixed(1)} ms (medians of ${r.n} seeds)`,
    );
  }
  for (const r of benchMapScaled(quick)) {
    const rate =
      r.agentUpdatesPerSec === undefined
        ? ""
        : `, ${(r.agentUpdatesPerSec / 1e6).toFixed(2)} M agent-updates/s`;
    out.push(`${r.name}: median ${r.medianMs.toFixed(1)} ms over ${r.n} seeds${rate}`);
  }
  const calls = quick ? 1 : 7;
  for (const ticks of quick ? [1] : [360, 1]) {
    const c = benchCli(SCENARIOS[0]!, ticks, calls);
    out.push(`${c.name}: median ${c.medianMs.toFixed(0)} ms over ${c.n} calls`);
  }
  out.push(`end: ${load()}`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(`nexus on the real map — ${machine()}`);
  for (const l of await benchNexusMap(process.argv.includes("--quick"))) console.log(`  ${l}`);
}
