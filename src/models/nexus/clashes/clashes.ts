/**
 * Clashes resolved by stochastic Lanchester attrition (Lanchester 1916, the square law of aimed
 * fire): in each round side B loses on average k·q_A·A / (1 + d·ruggedness) fighters and side A
 * loses k·q_B·B, where A, B are the fighters left, q their quality, k the kill rate per fighter
 * per round and d the terrain defence the defender (B) gets. Losses are drawn binomially from
 * these means (each of B's fighters falls with chance mean / B). The attacker may have surprise,
 * which multiplies its first round. A side breaks off once it has lost `breakpoint` of its
 * starting strength (Helmbold's breakpoint; Epstein 1985 on why fixed-rate attrition needs one);
 * the side that did not break wins, else the one that lost the smaller share (the defender on a
 * tie). Fighting strength thus grows with quality × numbers², so a larger force wins more often
 * and terrain favours the defender.
 */
import type { RngStream } from "../../../engine/rng.js";

/** Parameters of one engagement. */
export interface LanchesterParams {
  /** Expected enemy casualties per fighter per round at quality 1 on open ground. */
  killRate: number;
  /** Rounds fought at most (one engagement a day). */
  rounds: number;
  /** Share of starting strength lost at which a side breaks off. */
  breakpoint: number;
  /** Defender's terrain bonus: the attacker's kill rate is divided by 1 + terrainDefence × ruggedness. */
  terrainDefence: number;
  /** Multiplier of the attacker's first round when it has surprise. */
  surprise: number;
}

/** The two sides of one engagement and the ground it is fought on (hot loops reuse one record). */
export interface Engagement {
  /** Attacker's (side A's) fighters. */
  attackers: number;
  /** Attacker's quality. */
  attackerQuality: number;
  /** Defender's (side B's) fighters. */
  defenders: number;
  /** Defender's quality. */
  defenderQuality: number;
  /** Ruggedness of the defender's cell. */
  ruggedness: number;
  /** Whether the attacker has surprise (its first round is multiplied). */
  surprise: boolean;
}

/** Outcome of one engagement. */
export class ClashResult {
  /** Attacker's casualties. */
  lossA = 0;
  /** Defender's casualties. */
  lossB = 0;
  /** 0 if the attacker won, 1 if the defender held. */
  winner = 1;
  /** Rounds fought. */
  rounds = 0;
}

/**
 * Resolve engagement `e` (attacker A against defender B on B's ground); see the file comment.
 * Casualties never exceed a side's strength.
 */
export function resolveClash(
  e: Engagement,
  p: LanchesterParams,
  rng: RngStream,
  out: ClashResult = new ClashResult(),
): ClashResult {
  const { attackerQuality: qa, defenderQuality: qb, ruggedness, surprise: surpriseA } = e;
  const a0 = Math.max(0, Math.floor(e.attackers));
  const b0 = Math.max(0, Math.floor(e.defenders));
  out.lossA = 0;
  out.lossB = 0;
  out.rounds = 0;
  if (a0 === 0 || b0 === 0) {
    out.winner = b0 === 0 && a0 > 0 ? 0 : 1;
    return out;
  }
  let A = a0;
  let B = b0;
  const kA = (p.killRate * qa) / (1 + p.terrainDefence * ruggedness);
  const kB = p.killRate * qb;
  let brokeA = false;
  let brokeB = false;
  for (let r = 0; r < p.rounds; r++) {
    const s = r === 0 && surpriseA ? p.surprise : 1;
    const meanB = Math.min(B, kA * s * A);
    const meanA = Math.min(A, kB * B);
    const lb = rng.binomial(B, meanB / B);
    const la = rng.binomial(A, meanA / A);
    A -= la;
    B -= lb;
    out.lossA += la;
    out.lossB += lb;
    out.rounds = r + 1;
    brokeA = A === 0 || out.lossA >= p.breakpoint * a0;
    brokeB = B === 0 || out.lossB >= p.breakpoint * b0;
    if (brokeA || brokeB) break;
  }
  if (brokeB && !brokeA) out.winner = 0;
  else if (brokeA && !brokeB) out.winner = 1;
  else out.winner = out.lossB / b0 > out.lossA / a0 ? 0 : 1;
  return out;
}

/** Chance an encounter happens today: 1 − exp(−rate × hostiles / 100), cut by cover when hiding. */
export function encounterChance(
  hostiles: number,
  ratePer100: number,
  hiding: boolean,
  ruggedness: number,
  hideCover: number,
): number {
  if (!(hostiles > 0)) return 0;
  const p = 1 - Math.exp((-ratePer100 * hostiles) / 100);
  return hiding ? p * (1 - hideCover * ruggedness) : p;
}

/** A band's quality: base × (0.5 + 0.5 × share of fighters with a weapon). */
export function bandQuality(base: number, fighters: number, weapons: number): number {
  return base * (0.5 + 0.5 * (fighters > 0 ? Math.min(1, weapons / fighters) : 0));
}
