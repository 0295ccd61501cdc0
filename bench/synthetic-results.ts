/**
 * A synthetic results folder shaped like the drill-vs-route study (motive × posture, the nexus
 * model's outcome names, per-province columns, per-market prices, per-tick series), for the
 * report's bench and tests before the nexus model's own studies exist. Values are seeded draws
 * around fixed arm effects, so the same options give the same bytes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUTCOMES_FILE, outcomesCsv } from "../src/core/outcomes-file.js";
import { createRngHub } from "../src/engine/rng.js";
import { loadBundledMap } from "../src/map/file/bundled.js";
import { nexusCatalogue } from "../src/models/nexus/catalogue/catalogue.js";
import type { Manifest } from "../src/study/results/manifest.js";
import { CORRIDOR_PROVINCES } from "../src/worlds/corridor.js";

/** What to generate. */
export interface SyntheticOptions {
  /** Runs per design point. */
  replicates: number;
  /** Whose province names to use (default the corridor's, as the nexus scenarios do). */
  world?: "corridor" | "central-asia";
  /** Write per-tick series files (default true). */
  series?: boolean;
  /** Also sample a range factor (LHS) at this many points per cell. */
  sampled?: number;
  /** Filler outcomes besides the named ones (the nexus model has about a hundred; default 60). */
  filler?: number;
  /** Write manifest.json and outcomes.csv, as a finished study does (default true). */
  manifest?: boolean;
  /** Mark every n-th run failed (default none). */
  failEvery?: number;
}

const MOTIVES = ["ideological", "criminal"] as const;
const POSTURES = ["incursion-drill", "route-control"] as const;
const MARKETS: [string, number][] = [
  ["Dushanbe", 2450],
  ["Osh", 8950],
  ["Kazakhstan", 16400],
  ["Xinjiang", 16400],
  ["Russia", 30000],
];
const TICKS = 360;
/** The shipped scenario of each world, which the manifest names so the report knows the world. */
const SCENARIO_FILES = {
  corridor: "scenarios/incursion-drill.yaml",
  "central-asia": "scenarios/central-asia-incursion-drill.yaml",
} as const;
const EVERY = 10;

/** The arm effects: route control bites on the heroin flow, more so when the motive is criminal. */
function means(motive: number, posture: number, x: number) {
  const route = posture === 1;
  const criminal = motive === 1;
  return {
    delivered_kg: 76000 - (route ? (criminal ? 9000 : 2500) : 0) - 3000 * x,
    seized_kg: 3200 + (route ? 1800 : 0),
    violent_events: criminal ? (route ? 58 : 92) : route ? 55 : 41,
    insurgent_fighters: (criminal ? 3600 : 3100) - (route ? 500 : 150),
    insurgent_revenue_usd: criminal ? (route ? 2.1e6 : 4.4e6) : route ? 0.9e6 : 1.1e6,
    incursions: criminal ? 6 : route ? 14 : 9,
    fighters_crossed: criminal ? 300 : route ? 1400 : 800,
    clashes: criminal ? (route ? 40 : 22) : route ? 30 : 35,
    attributed_terror_share: 0.8,
    true_terror_share: criminal ? 0.25 : 0.7,
    alliance_troop_days: route ? 260000 : 180000,
    actives: criminal ? 120 : 90,
    legitimacy_mean: route ? 0.42 : 0.38,
  };
}

function provinceNames(world: "corridor" | "central-asia"): string[] {
  return world === "corridor"
    ? CORRIDOR_PROVINCES.map((p) => p.name)
    : loadBundledMap().provinces.map((p) => p.name);
}

/** Write the folder; returns the number of runs. */
export function writeSyntheticResults(dir: string, opts: SyntheticOptions): number {
  const world = opts.world ?? "corridor";
  const provinces = provinceNames(world);
  const samples = opts.sampled ?? 1;
  const filler = opts.filler ?? 60;
  const rng = createRngHub("synthetic-results").stream("values");
  const noisy = (m: number, cv: number) => Math.max(0, m * (1 + cv * rng.normal()));
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  let runs = 0;
  for (let m = 0; m < 2; m++) {
    for (let p = 0; p < 2; p++) {
      for (let s = 0; s < samples; s++) {
        const point = (m * 2 + p) * samples + s;
        const x = (s + 0.5) / samples;
        const factors: Record<string, unknown> = {
          "params.threat.criminalShare": m,
          "params.posture": POSTURES[p],
        };
        if (opts.sampled) factors["params.alliance.coordination"] = x;
        for (let r = 0; r < opts.replicates; r++) {
          const id = `nexus/p${point}/r${r}`;
          const failed = opts.failEvery !== undefined && runs % opts.failEvery === opts.failEvery - 1;
          runs++;
          const outcomes: Record<string, number> = {};
          if (!failed) {
            for (const [k, v] of Object.entries(means(m, p, x))) {
              outcomes[k] =
                k.endsWith("share") || k === "legitimacy_mean" ? Math.min(1, noisy(v, 0.1)) : noisy(v, 0.08);
            }
            for (const [name, price] of MARKETS)
              outcomes[`price_mean.${name}`] = noisy(price * (p === 1 ? 1.08 : 1), 0.05);
            provinces.forEach((name, i) => {
              const w = ((i * 7) % 11) / 10;
              outcomes[`province.${name}.seized_kg`] = noisy(w * (p === 1 ? 600 : 250), 0.2);
              outcomes[`province.${name}.influence_days`] = noisy(w * (m === 1 ? 300 : 180), 0.2);
              outcomes[`province.${name}.violent_events`] = noisy(w * (m === 1 ? 12 : 6), 0.3);
              outcomes[`province.${name}.attributed_terror_share`] = Math.min(1, noisy(0.5 + 0.4 * w, 0.1));
              outcomes[`province.${name}.true_terror_share`] = Math.min(
                1,
                noisy(m === 1 ? 0.2 * w : 0.7 * w, 0.1),
              );
            });
            for (let k = 0; k < filler; k++)
              outcomes[`filler_${String(k).padStart(3, "0")}`] = noisy(100 + k, 0.1);
          }
          const row = {
            id,
            scenario: "nexus",
            point,
            replicate: r,
            seed: runs,
            factors,
            arm: { motive: MOTIVES[m], posture: POSTURES[p] },
            status: failed ? "failed" : "ok",
            ...(failed ? { error: { name: "Error", message: "synthetic failure" } } : {}),
            durationMs: 90,
            ticks: failed ? 0 : TICKS,
            outcomes,
          };
          lines.push(JSON.stringify(row));
          if (opts.series !== false && !failed) writeSeriesFile(dir, id, outcomes, () => rng.normal());
        }
      }
    }
  }
  writeFileSync(join(dir, "runs.ndjson"), `${lines.join("\n")}\n`);
  if (opts.manifest !== false) {
    writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifestOf(opts, runs), null, 2)}\n`);
    // A finished study leaves its model's catalogue beside the manifest; the report reads labels from it.
    writeFileSync(join(dir, OUTCOMES_FILE), outcomesCsv([nexusCatalogue]));
  }
  return runs;
}

/** Cumulative series that end at the run's outcome, and a fighter count that ends at its. */
function writeSeriesFile(dir: string, id: string, o: Record<string, number>, normal: () => number): void {
  const ticks: number[] = [];
  for (let t = EVERY; t <= TICKS; t += EVERY) ticks.push(t);
  const ramp = (end: number) => ticks.map((t) => Math.max(0, (end * t) / TICKS + 0.02 * end * normal()));
  const series = {
    delivered_kg: ramp(o.delivered_kg!),
    insurgent_fighters: ticks.map((t) => o.insurgent_fighters! * (1.3 - (0.3 * t) / TICKS)),
    incursions: ramp(o.incursions!),
    clashes: ramp(o.clashes!),
  };
  const file = join(dir, "series", `${id}.json`);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ id, every: EVERY, ticks, series })}\n`);
}

function manifestOf(opts: SyntheticOptions, runs: number): Manifest {
  const points = 4 * (opts.sampled ?? 1);
  return {
    study: "Synthetic drill vs route",
    description: "Which alliance posture holds up whichever motive drives the insurgents? (synthetic data)",
    studyFile: "scenarios/studies/drill-vs-route.yaml",
    studyHash: "0".repeat(64),
    pamir: "0.1.0",
    git: null,
    node: "v20.20.2",
    startedAt: "2026-11-28T10:00:00.000Z",
    endedAt: "2026-11-28T10:05:00.000Z",
    counts: { planned: runs, done: runs, failed: 0 },
    seed: 2026,
    replicates: opts.replicates,
    scenarios: [
      { key: "nexus", file: SCENARIO_FILES[opts.world ?? "corridor"], model: "nexus", ticks: TICKS },
    ],
    design: { sampler: opts.sampled ? "lhs" : null, samples: opts.sampled ?? 1, cells: 4, points },
    factors: [
      {
        name: "motive",
        path: "params.threat.criminalShare",
        kind: "values",
        levels: [0, 1],
        labels: [...MOTIVES],
      },
      {
        name: "posture",
        path: "params.posture",
        kind: "values",
        levels: [...POSTURES],
        labels: [...POSTURES],
      },
      ...(opts.sampled
        ? [
            {
              name: "params.alliance.coordination",
              path: "params.alliance.coordination",
              kind: "range" as const,
              min: 0,
              max: 1,
              integer: false,
            },
          ]
        : []),
    ],
    arms: {
      motive: {
        path: "params.threat.criminalShare",
        labels: Object.fromEntries(MOTIVES.map((m, i) => [i, m])),
      },
      posture: { path: "params.posture", labels: Object.fromEntries(POSTURES.map((p) => [p, p])) },
    },
    outcomes: "all",
    series:
      opts.series === false
        ? null
        : { every: EVERY, keep: ["delivered_kg", "insurgent_fighters", "incursions", "clashes"] },
    execution: null,
  };
}
