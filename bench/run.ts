/**
 * `npm run bench`: the standard cross-framework ABM benchmarks (Schelling and WolfSheep, small
 * and large, ABMFrameworksComparison rules) on the engine, next to a hand-written typed-array
 * Schelling (the floor) run in the same process, interleaved seed by seed. Prints figures only;
 * nothing is asserted on time. `--quick` runs tiny sizes a few times (CI keeps the benches alive).
 */
import { schellingModel, schellingParams } from "../src/models/classic/schelling.js";
import { wolfSheepModel, wolfSheepParams } from "../src/models/classic/wolf-sheep.js";
import { benchEconomy } from "./economy.js";
import { floorSchelling } from "./floor-schelling.js";
import { benchMap } from "./map.js";
import { machine, median, type RunTiming, timeModel } from "./measure.js";
import { benchMethods } from "./methods.js";
import { benchNexus } from "./nexus.js";
import { benchNexusMap } from "./nexus-map.js";
import { benchPaths } from "./paths.js";
import { benchQueue } from "./queue.js";
import { benchRebellion } from "./rebellion.js";
import { benchReport } from "./report.js";
import { benchStartup } from "./startup.js";
import { benchStudy } from "./study.js";
import { benchTables } from "./tables.js";

const quick = process.argv.includes("--quick");
const runsArg = process.argv.find((a) => a.startsWith("--runs="));
const RUNS = runsArg ? Number(runsArg.slice(7)) : quick ? 3 : 30;

const SCHELLING = {
  small: { width: 40, height: 40, agents: 1000, radius: 1, minToBeHappy: 3 },
  large: { width: 100, height: 100, agents: 8000, radius: 2, minToBeHappy: 8 },
  tiny: { width: 12, height: 12, agents: 100, radius: 1, minToBeHappy: 3 },
};
const WOLF_SHEEP = {
  small: {
    width: 25,
    height: 25,
    sheep: 60,
    wolves: 40,
    regrowth: 20,
    sheepReproduce: 0.2,
    wolfReproduce: 0.1,
  },
  large: {
    width: 100,
    height: 100,
    sheep: 1000,
    wolves: 500,
    regrowth: 10,
    sheepReproduce: 0.4,
    wolfReproduce: 0.2,
  },
  tiny: {
    width: 10,
    height: 10,
    sheep: 20,
    wolves: 10,
    regrowth: 20,
    sheepReproduce: 0.2,
    wolfReproduce: 0.1,
  },
};

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "—");
const rate = (steps: number, ms: number) => `${fmt(steps / ms / 1000, 2)} M/s`;
const rows: string[][] = [];

function summarise(name: string, ts: RunTiming[], floorMs?: number): void {
  const step = median(ts.map((t) => t.stepMs));
  const setup = median(ts.map((t) => t.setupMs));
  const steps = median(ts.map((t) => t.agentSteps));
  rows.push([
    name,
    String(ts.length),
    fmt(setup),
    fmt(step),
    rate(steps, step),
    floorMs === undefined ? "" : fmt(floorMs),
    floorMs === undefined ? "" : fmt(step / floorMs, 3),
  ]);
}

const sizes = quick ? (["tiny"] as const) : (["small", "large"] as const);
for (const size of sizes) {
  const ticks = 20;
  for (const counting of ["incremental", "scan"] as const) {
    const raw = { ...SCHELLING[size], counting };
    const params = schellingParams.parse(raw);
    const engine: RunTiming[] = [];
    const floor: number[] = [];
    // Warm both paths so the JIT has compiled them before anything is timed.
    for (let s = 0; s < 3; s++) {
      floorSchelling(raw, 1000 + s, ticks);
      timeModel(schellingModel, params, 1000 + s, ticks, () => raw.agents);
    }
    for (let s = 0; s < RUNS; s++) {
      floor.push(floorSchelling(raw, s, ticks).stepMs);
      engine.push(timeModel(schellingModel, params, s, ticks, () => raw.agents));
    }
    summarise(`schelling-${size} (${counting})`, engine, median(floor));
  }
}
for (const size of sizes) {
  const params = wolfSheepParams.parse(WOLF_SHEEP[size]);
  const ticks = 100;
  const animals = (series: Record<string, number[]>, t: number) =>
    t < 0 ? params.sheep + params.wolves : series.sheep![t]! + series.wolves![t]!;
  for (let s = 0; s < 2; s++) timeModel(wolfSheepModel, params, 1000 + s, ticks, animals);
  const ts: RunTiming[] = [];
  for (let s = 0; s < RUNS; s++) ts.push(timeModel(wolfSheepModel, params, s, ticks, animals));
  summarise(`wolf-sheep-${size}`, ts);
}

const header = ["benchmark", "runs", "setup ms", "step ms", "agent-steps/s", "floor ms", "engine/floor"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(`pamir bench${quick ? " (quick)" : ""} — ${machine()}`);
console.log("median of seeded runs; step = all ticks after setup (Schelling 20, WolfSheep 100)\n");
console.log(line(header));
for (const r of rows) console.log(line(r));

const paths = await benchPaths(quick);
console.log("\nleast-cost paths");
for (const p of paths) console.log(`  ${p.name}: median ${fmt(p.medianMs, 3)} ms over ${p.n} calls`);

const maps = await benchMap(quick);
console.log("\nCentral Asia map");
for (const m of maps) {
  const unit = m.name.startsWith("cold") ? "fresh processes" : "calls";
  console.log(`  ${m.name}: median ${fmt(m.medianMs, 3)} ms over ${m.n} ${unit}`);
}

const studies = await benchStudy(quick);
console.log("\nstudies (end to end: pool start, runs, sorted files, summary)");
for (const l of studies) console.log(`  ${l}`);

const tables = await benchTables(quick);
console.log("\nresults tables (Parquet parts while running, compacted at the end; 2 workers)");
for (const l of tables) console.log(`  ${l}`);

const queued = await benchQueue(quick);
console.log("\ndistributed studies (Redis queue on loopback vs local, equal cores)");
for (const l of queued) console.log(`  ${l}`);

const rebellion = await benchRebellion(quick);
console.log("\nrebellion (Epstein 2002, NetLogo defaults) and formula compiler");
for (const l of rebellion) console.log(`  ${l}`);

/** Print one model bench's rows (median per run, agent-updates per second). */
function printModelRows(title: string, rows: Awaited<ReturnType<typeof benchEconomy>>): void {
  console.log(`\n${title}`);
  for (const r of rows) {
    const rate =
      r.agentUpdatesPerSec === undefined ? "" : `, ${fmt(r.agentUpdatesPerSec / 1e6)} M agent-updates/s`;
    console.log(`  ${r.name}: median ${fmt(r.medianMs, 1)} ms over ${r.n} seeds${rate}`);
  }
}

printModelRows("drug-route economy (baseline; ×k = k× shipments and units)", await benchEconomy(quick));
printModelRows(
  "nexus (route-control; ×k = k× shipments, units, bands, contingents)",
  await benchNexus(quick),
);
console.log("\nnexus on the real map (setup and days apart; ×k as above; whole CLI calls)");
for (const l of await benchNexusMap(quick)) console.log(`  ${l}`);

const reports = await benchReport(quick);
console.log("\nstudy report (synthetic drill-vs-route results; end to end = what `pamir report` takes)");
for (const l of reports) console.log(`  ${l}`);

const methods = await benchMethods(quick);
console.log("\nsensitivity and scenario discovery (from run records in memory)");
for (const l of methods) console.log(`  ${l}`);

console.log("\nstart-up (fresh processes; target < 150 ms)");
for (const l of benchStartup(quick)) console.log(`  ${l}`);
