/**
 * Morris's elementary-effects design (Morris 1991, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33, 161–174): r trajectories of k + 1 points on a
 * p-level grid of the unit cube, each moving one factor at a time by Δ = p / (2(p − 1)), in a
 * random order and direction, from a random grid start x* ≤ 1 − Δ. With `candidates` M > r,
 * the r trajectories are chosen from M random ones to spread over the cube (Campolongo, Cariboni
 * & Saltelli 2007): greedily, starting from the farthest pair and adding the candidate whose
 * squared distances to those chosen sum highest — an approximation of their maximum of
 * √Σ d²(m, l), where d(m, l) sums the Euclidean distances between all points of m and of l.
 * Samples are laid out trajectory by trajectory: trajectory t, step j is sample t·(k + 1) + j.
 */
import { createRngHub, type RngStream } from "../../engine/rng.js";
import { type DesignRoles, emptyRoles } from "./roles.js";

/** Default number of grid levels p. */
export const MORRIS_DEFAULT_LEVELS = 4;

/** Most candidate trajectories (the selection costs M² distance sums). */
export const MORRIS_MAX_CANDIDATES = 1000;

/** One trajectory: k + 1 points row-major, and per step the factor moved and its direction. */
interface Trajectory {
  unit: Float64Array;
  factor: Int32Array;
  step: Int8Array;
}

/** The Morris step on the unit scale for p levels. */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

function trajectory(k: number, levels: number, rng: RngStream): Trajectory {
  const delta = morrisDelta(levels);
  // Grid starts x* with x* + Δ ≤ 1, so every move stays on the grid and inside the cube.
  let starts = 0;
  while (starts < levels && starts / (levels - 1) + delta <= 1 + 1e-12) starts++;
  const x = new Float64Array(k);
  const dir = new Int8Array(k);
  for (let i = 0; i < k; i++) {
    const lo = rng.below(starts) / (levels - 1);
    dir[i] = rng.next() < 0.5 ? -1 : 1;
    x[i] = dir[i]! < 0 ? Math.min(1, lo + delta) : lo;
  }
  const order = Int32Array.from({ length: k }, (_, i) => i);
  rng.shuffle(order);
  const unit = new Float64Array((k + 1) * k);
  const factor = new Int32Array(k + 1).fill(-1);
  const step = new Int8Array(k + 1);
  unit.set(x, 0);
  for (let j = 1; j <= k; j++) {
    const f = order[j - 1]!;
    x[f] = Math.min(1, Math.max(0, x[f]! + dir[f]! * delta));
    unit.set(x, j * k);
    factor[j] = f;
    step[j] = dir[f]!;
  }
  return { unit, factor, step };
}

/** Campolongo's distance between two trajectories: the sum of Euclidean distances over all point pairs. */
function distance(a: Float64Array, b: Float64Array, k: number): number {
  let sum = 0;
  for (let p = 0; p <= k; p++) {
    for (let q = 0; q <= k; q++) {
      let d2 = 0;
      for (let z = 0; z < k; z++) {
        const d = a[p * k + z]! - b[q * k + z]!;
        d2 += d * d;
      }
      sum += Math.sqrt(d2);
    }
  }
  return sum;
}

/** Indexes of `r` of the candidates, spread greedily (see the file header); ties go to the lower index. */
export function selectSpread(pool: readonly Float64Array[], r: number, k: number): number[] {
  const m = pool.length;
  if (r >= m) return pool.map((_, i) => i);
  const d2 = new Float64Array(m * m);
  let best: [number, number] = [0, 1];
  let bestD = -1;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const d = distance(pool[i]!, pool[j]!, k);
      d2[i * m + j] = d2[j * m + i] = d * d;
      if (d > bestD) {
        bestD = d;
        best = [i, j];
      }
    }
  }
  const chosen = [...best];
  const score = new Float64Array(m);
  const taken = new Uint8Array(m);
  for (const c of chosen) taken[c] = 1;
  for (let i = 0; i < m; i++) score[i] = d2[i * m + chosen[0]!]! + d2[i * m + chosen[1]!]!;
  while (chosen.length < r) {
    let pick = -1;
    for (let i = 0; i < m; i++) if (!taken[i] && (pick < 0 || score[i]! > score[pick]!)) pick = i;
    chosen.push(pick);
    taken[pick] = 1;
    for (let i = 0; i < m; i++) score[i] = score[i]! + d2[i * m + pick]!;
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * The Morris design: `r` trajectories over `k` factors on a `levels`-level grid, drawn from the
 * study seed's stream "study/morris" (chosen from `candidates` when given). Unit-cube samples
 * row-major (sample s, factor j at s·k + j) and each sample's role.
 */
export function morrisSamples(
  r: number,
  k: number,
  levels: number,
  seed: number,
  candidates?: number,
): { unit: Float64Array; roles: DesignRoles } {
  const rng = createRngHub(seed).stream("study/morris");
  const pool = Array.from({ length: Math.max(r, candidates ?? r) }, () => trajectory(k, levels, rng));
  const picked = selectSpread(
    pool.map((t) => t.unit),
    r,
    k,
  );
  const unit = new Float64Array(r * (k + 1) * k);
  const roles = emptyRoles(r * (k + 1));
  picked.forEach((c, t) => {
    const tr = pool[c]!;
    unit.set(tr.unit, t * (k + 1) * k);
    for (let j = 0; j <= k; j++) {
      const s = t * (k + 1) + j;
      roles.role[s] = j === 0 ? "start" : "step";
      roles.row[s] = t;
      roles.factor[s] = tr.factor[j]!;
      roles.step[s] = tr.step[j]!;
    }
  });
  return { unit, roles };
}
