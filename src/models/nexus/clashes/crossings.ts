/**
 * Blocking positions at the border: what the incursion drill is built for. A band that steps
 * toward a cell beyond its border where drill troops stand (models/nexus/alliance/layers.ts
 * `block`) halts at the border (models/nexus/bands/move.ts); here, in the clash step, the screen
 * tries to detect it and, if it does, fights it from prepared positions:
 *
 *   detection   p = 1 − exp(−detectionPer100 × troops/100 ÷ (1 + concealment × ruggedness))
 *               (more troops see more; broken ground hides a column — the Pamirs' gorges)
 *   decision    a detected column fights only if it expects to win: its Lanchester strength
 *               (quality × fighters²) above the screen's (quality × troops² × (1 + terrain defence
 *               × ruggedness)); else it breaks contact after one exchange of fire and turns back
 *               (a column does not storm a prepared position it cannot take — Lanchester 1916;
 *               Batken 1999 was fought where no screen stood)
 *   engagement  the band attacks the blocking troops on their ground (models/nexus/clashes/clashes.ts)
 *   result      undetected or victorious: the band crosses (an armed incursion);
 *               beaten or withdrawn: turned back — its action dropped, it stays on its side;
 *               destroyed at 0 fighters
 *
 * Every detected attempt is a fight and a violent event (an ideological act: the band was
 * crossing). Alliance losses fall on the drill contingents whose position covers the cell. The
 * rule is the doctrine CSTO exercises rehearse (Rubezh, Interaction: blocking and destroying a
 * column crossing from Afghanistan, targets.md §4 "CSTO exercises"); its two parameters are
 * assumptions (docs/model.md, "Blocking at the border").
 */
import type { RngStream } from "../../../engine/rng.js";
import { POSTURE_DRILL } from "../alliance/forces.js";
import { makeIdle } from "../bands/day.js";
import type { MoveLog, Mover } from "../bands/move.js";
import { stepInto } from "../bands/move.js";
import { bandQuality, ClashResult, resolveClash } from "./clashes.js";
import { bandLosses, type ClashContext, recordFight } from "./encounters.js";

/** How blocking positions detect a crossing band (alliance.blocking in the parameters). */
export interface BlockingRules {
  /** Detection hazard per 100 blocking troops on open ground (per attempt). */
  detectionPer100: number;
  /** How much ruggedness 1 divides the hazard by (1 + this). */
  concealment: number;
}

/** Chance a screen of `troops` detects a band crossing into a cell of `ruggedness`. */
export function detectionChance(troops: number, ruggedness: number, r: BlockingRules): number {
  if (!(troops > 0)) return 0;
  return 1 - Math.exp(-(r.detectionPer100 * troops) / 100 / (1 + r.concealment * ruggedness));
}

/** Counts of the screen's work over a run. */
export class CrossingOutcomes {
  /** Crossings attempted into a screened cell. */
  attempts = 0;
  /** Attempts the screen detected. */
  detected = 0;
  /** Bands turned back. */
  turnedBack = 0;
  /** Fighters in the bands turned back. */
  fightersTurnedBack = 0;
}

// One result record reused by every attempt: attempts resolve one at a time.
const scratch = new ClashResult();

/**
 * Whether a detected column of `fighters` at quality `qa` takes on a screen of `troops` at quality
 * `qb` on ground of `ruggedness`: only when its Lanchester strength is the larger.
 */
export function columnAttacks(
  fighters: number,
  qa: number,
  troops: number,
  qb: number,
  ruggedness: number,
  terrainDefence: number,
): boolean {
  return qa * fighters * fighters > qb * troops * troops * (1 + terrainDefence * ruggedness);
}

/** Take `loss` from the drill contingents whose position covers cell c (radius `radius`, same country). */
function screenLosses(ctx: ClashContext, c: number, radius: number, loss: number): void {
  const { world, contingents, out } = ctx;
  const col = contingents.col;
  const ids = contingents.order();
  let left = loss;
  for (let i = 0; i < ids.length && left > 0; i++) {
    const id = ids[i]!;
    const at = col.cell[id]!;
    if (at < 0 || col.posture[id] !== POSTURE_DRILL || world.country[at] !== world.country[c]) continue;
    if (world.grid.distance(at, c, "chebyshev") > radius) continue;
    const k = Math.min(col.troops[id]!, left);
    col.troops[id] = col.troops[id]! - k;
    left -= k;
    out.allianceLosses += k;
  }
  out.stateLosses += left; // no contingent left to lose them: the host's border guards took them
}

/**
 * Resolve today's halted crossings (`attempts`: band, cell on its side, cell beyond): detection,
 * then a fight; crossings that succeed are stepped through `m` (and logged there as moves).
 */
export function crossingDay(
  ctx: ClashContext,
  m: Mover,
  attempts: MoveLog,
  rules: BlockingRules,
  drillRadius: number,
  tick: number,
  rng: RngStream,
  out: CrossingOutcomes,
): void {
  const { bands, world, layers } = ctx;
  const col = bands.col;
  for (let i = 0; i < attempts.length; i++) {
    const id = attempts.band[i]!;
    const from = attempts.from[i]!;
    const to = attempts.to[i]!;
    if (!bands.has(id) || col.cell[id] !== from) continue;
    out.attempts++;
    const cls = ctx.motiveClassOf[col.motive[id]!]!;
    const troops = layers.block[to]!;
    if (rng.next() >= detectionChance(troops, world.ruggedness[to]!, rules)) {
      stepInto(m, id, from, to, cls);
      continue;
    }
    out.detected++;
    const fighters = col.fighters[id]!;
    const qa = bandQuality(ctx.rules.bandQuality, fighters, col.weapons[id]!);
    const qb = layers.blockQuality[to]! / troops;
    const lan = ctx.rules.lanchester;
    const attacks = columnAttacks(fighters, qa, troops, qb, world.ruggedness[to]!, lan.terrainDefence);
    const r = resolveClash(
      {
        attackers: fighters,
        attackerQuality: qa,
        defenders: troops,
        defenderQuality: qb,
        ruggedness: world.ruggedness[to]!,
        surprise: false,
      },
      attacks ? lan : { ...lan, rounds: 1 },
      rng,
      scratch,
    );
    recordFight(ctx, tick, id, to, true, r.lossA + r.lossB);
    screenLosses(ctx, to, drillRadius, r.lossB);
    const through = attacks && r.winner === 0;
    bandLosses(ctx, id, r.lossA);
    if (!bands.has(id)) continue;
    if (through) stepInto(m, id, from, to, cls);
    else {
      out.turnedBack++;
      out.fightersTurnedBack += col.fighters[id]!;
      col.sinceCampaign[id] = 0; // the campaign is spent: the band prepares the next one from today
      makeIdle(bands, id);
    }
  }
}
