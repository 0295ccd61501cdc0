/**
 * The state as an actor in one nexus run: strongmen who protect the trade on their turf
 * (protection.ts), the centre's purges of them (purge.ts) and traffickers who fight refused stops
 * (traffickers.ts). The officials step (models/nexus/schedule.ts, after the clashes and before the
 * economy's day) folds yesterday's fees into each strongman's revenue, lets his men attack bands
 * taxing his turf, applies the purge rule, and writes today's detection multiplier; the economy
 * reaches the rest through the hooks this wraps around the armed side's (models/economy/hooks.ts):
 * fees on loads entering a turf, the shield in the detection multiplier, and the fights at stops
 * by units that would not be bought (after an insurgent escort's, which goes first).
 */
import type { RngHub, RngStream } from "../../../engine/rng.js";
import type { World } from "../../../worlds/types.js";
import type { EconomyHooks } from "../../economy/hooks.js";
import type { TaxLayer } from "../bands/tax.js";
import type { ClashContext } from "../clashes/encounters.js";
import { OfficialsOutcomes } from "./fights.js";
import type { OfficialsParams } from "./params.js";
import { attackRivals, protectionFee, resistStop, shieldGain } from "./protection.js";
import { type PurgeTargets, purgeChance, purgeStrongman, visible } from "./purge.js";
import { type Strongmen, setupStrongmen } from "./strongmen.js";
import { traffickerStop } from "./traffickers.js";

/** What the officials of a run are built from. */
export interface OfficialsSetup {
  world: World;
  params: OfficialsParams;
  hub: RngHub;
  /** The armed side's fight context (attribution, clash totals, bands, coverage layers). */
  clash: ClashContext;
  /** The bands' tax layer (rivals on a turf are read from it). */
  tax: TaxLayer;
  /** What a purge writes: legitimacy per province. */
  purge: PurgeTargets;
}

/** Strongmen, purges and trafficker fights of one run. */
export class Officials {
  /** The strongmen. */
  readonly strongmen: Strongmen;
  /** Running totals. */
  readonly out = new OfficialsOutcomes();
  /** Today's detection multiplier the economy reads (the alliance's × the shield). */
  readonly gain: Float64Array;
  private day = 0;
  private base: Float64Array | undefined;
  private readonly stepRng: RngStream;
  private readonly stopRng: RngStream;

  constructor(private readonly s: OfficialsSetup) {
    const r = setupStrongmen(s.world, s.params);
    // The model's check() reports these located before a run is set up; here they are a bug.
    if (!r.ok) throw new Error(r.problems.map((e) => `${e.path}: ${e.message}`).join("; "));
    this.strongmen = r.strongmen;
    this.gain = new Float64Array(s.world.grid.size).fill(1);
    this.stepRng = s.hub.stream("officials");
    this.stopRng = s.hub.stream("officials/stops");
  }

  /** The officials step of `day` (see the file comment). */
  step(day: number): void {
    this.day = day;
    const { params: p, clash, tax, world } = this.s;
    const sm = this.strongmen;
    const k = Math.exp(-1 / p.protection.revenueMemoryDays);
    for (let i = 0; i < sm.n; i++) {
      sm.revenuePerDay[i] = sm.revenuePerDay[i]! * k + sm.feesToday[i]! * (1 - k);
      sm.revenueWeight[i] = sm.revenueWeight[i]! * k + (1 - k);
      sm.feesToday[i] = 0;
    }
    const on = p.protection.enabled;
    if (on) attackRivals(clash, sm, tax, day, p.protection, this.stepRng, this.out);
    if (on && p.purge.enabled) {
      const chance = purgeChance(p.purge.hazardPerYear);
      for (let i = 0; i < sm.n; i++) {
        if (!sm.active(i, day) || !visible(sm, i, day, p.purge)) continue;
        if (this.stepRng.next() < chance)
          purgeStrongman(clash, world, sm, i, day, p.purge, this.s.purge, this.stepRng, this.out);
      }
    }
    if (on) shieldGain(sm, this.base, p.protection.shield, day, this.gain);
    else if (this.base) this.gain.set(this.base);
  }

  /** The economy's hooks: `armed`'s, with protection fees, the shield and the fights at refused stops added. */
  hooks(armed: EconomyHooks): EconomyHooks {
    this.base = armed.detectionGain;
    if (this.base) this.gain.set(this.base);
    const { params: p, clash } = this.s;
    const sm = this.strongmen;
    const on = p.protection.enabled;
    const fee = p.protection.feeUsdPerKg;
    return {
      ...(armed.toll ? { toll: armed.toll } : {}),
      detectionGain: this.gain,
      levy: (org, c, kg, capital) => {
        const usd = armed.levy ? armed.levy(org, c, kg, capital) : 0;
        return on ? usd + protectionFee(sm, c, this.day, kg, capital - usd, fee, this.out) : usd;
      },
      escort: (org, c, strength) => {
        const r = armed.escort ? armed.escort(org, c, strength) : null;
        if (r !== null) return r;
        if (on && sm.at(c, this.day) >= 0)
          return resistStop(clash, sm, c, this.day, p.protection, this.stopRng, this.out);
        return traffickerStop(clash, org, c, this.day, p.traffickerFights, this.stopRng, this.out);
      },
    };
  }
}
