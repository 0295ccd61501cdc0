/**
 * The run plan: every run of a study is (scenario s, design point p, replicate r), numbered
 * index = (s·points + p)·replicates + r, with id `<scenario key>/p<p>/r<r>`. Nothing is stored
 * per run: ids, indexes and seeds are computed on demand, so a plan of millions costs nothing.
 */
import { createHash } from "node:crypto";

/** The sizes a plan is made of. */
export interface PlanShape {
  /** Scenario keys in study order. */
  keys: readonly string[];
  /** Design points per scenario. */
  points: number;
  /** Replicates per point. */
  replicates: number;
}

/** One run's coordinates. */
export interface RunCoords {
  index: number;
  scenario: number;
  point: number;
  replicate: number;
}

/** Runs in the plan. */
export function plannedRuns(shape: PlanShape): number {
  return shape.keys.length * shape.points * shape.replicates;
}

/** Coordinates of run `index`. */
export function coordsOf(shape: PlanShape, index: number): RunCoords {
  const replicate = index % shape.replicates;
  const sp = Math.floor(index / shape.replicates);
  return { index, scenario: Math.floor(sp / shape.points), point: sp % shape.points, replicate };
}

/** The id of run `index`: `<scenario key>/p<point>/r<replicate>`. */
export function runId(shape: PlanShape, index: number): string {
  const c = coordsOf(shape, index);
  return `${shape.keys[c.scenario]}/p${c.point}/r${c.replicate}`;
}

/** The plan index of `id`, or −1 when the id is not one of this plan's (another study's leftovers). */
export function indexOfId(shape: PlanShape, id: string): number {
  const m = /^(.+)\/p(0|[1-9]\d*)\/r(0|[1-9]\d*)$/.exec(id);
  if (!m) return -1;
  const s = shape.keys.indexOf(m[1]!);
  const p = Number(m[2]);
  const r = Number(m[3]);
  if (s < 0 || p >= shape.points || r >= shape.replicates) return -1;
  return (s * shape.points + p) * shape.replicates + r;
}

/**
 * The seed of run `id` under `masterSeed`: the first 4 bytes, big-endian, of
 * SHA-256("<masterSeed>/<id>") in UTF-8, a uint32. A cryptographic hash so that neighbouring ids
 * (r1, r2, …) get unrelated seeds and no run's seed depends on how many other runs there are.
 */
export function runSeed(masterSeed: number, id: string): number {
  return createHash("sha256").update(`${masterSeed}/${id}`, "utf8").digest().readUInt32BE(0);
}
