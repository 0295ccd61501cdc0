/**
 * One day of the bands phase. Bands act once each in a fresh random order: an idle band chooses an
 * action (models/nexus/bands/choose.ts), then every band moves toward its target (models/nexus/bands/move.ts) and, once
 * there, does what its action says — holds its tax cell (setting the tax layer), signs its escort
 * contract, strikes its target (queued for the clash phase), recruits, or stays hidden. Travel
 * past `maxTravelDays`, or toward a target it cannot reach, ends the action.
 */
import type { RngStream } from "../../../engine/rng.js";
import { ACT_ATTACK, ACT_CROSS, ACT_ESCORT, ACT_HIDE, ACT_IDLE, ACT_RECRUIT, ACT_TAX } from "../motives.js";
import { type BandContext, ChoiceScratch, type Chooser, chooseAction } from "./choose.js";
import { MoveLog, type Mover, moveBand } from "./move.js";
import { BandOutcomes } from "./outcomes.js";
import { recruit } from "./recruit.js";
import type { BandRules } from "./rules.js";
import type { Bands } from "./store.js";
import { TaxLayer } from "./tax.js";
import { prepareDay } from "./tempo.js";

/** Strikes bands carried out today (band, cell, whether across the home border), for the clash phase. */
export class AttackList {
  /** Band id. */
  band = new Int32Array(16);
  /** Target cell. */
  cell = new Int32Array(16);
  /** 1 for a cross-border (symbolic) strike, 0 for a strike at home. */
  abroad = new Uint8Array(16);
  /** Strikes today. */
  length = 0;

  /** Start a new day. */
  reset(): void {
    this.length = 0;
  }

  /** Append one strike. */
  push(band: number, cell: number, abroad: boolean): void {
    if (this.length === this.band.length) {
      const n = this.length * 2;
      const b = new Int32Array(n);
      b.set(this.band);
      const c = new Int32Array(n);
      c.set(this.cell);
      const a = new Uint8Array(n);
      a.set(this.abroad);
      [this.band, this.cell, this.abroad] = [b, c, a];
    }
    this.band[this.length] = band;
    this.cell[this.length] = cell;
    this.abroad[this.length++] = abroad ? 1 : 0;
  }
}

/**
 * The bands phase of one run: the store, what bands see and the rules they follow (read), and the
 * state the phase keeps (tax layer, today's steps and strikes, choice buffers, running totals).
 */
export interface BandDay extends Chooser, Mover {
  /** Tax per cell (rebuilt today). */
  tax: TaxLayer;
  /** Today's strikes. */
  attacks: AttackList;
}

/** Whether band `id` is hidden today (its action is hide and it has reached cover). */
export function isHiding(bands: Bands, id: number): boolean {
  return bands.col.action[id] === ACT_HIDE && bands.col.cell[id] === bands.col.target[id];
}

/** Drop band `id`'s action (it chooses again tomorrow). */
export function makeIdle(bands: Bands, id: number): void {
  const col = bands.col;
  col.action[id] = ACT_IDLE;
  col.target[id] = -1;
  col.progress[id] = 0;
  if (col.escortDays[id] === 0) col.escortOrg[id] = -1;
}

/** Count band `id`'s day and the heroin passing the cell it starts it on (a pattern outcome). */
function countDay(st: BandDay, id: number): void {
  st.out.bandDays++;
  st.out.flowAtBands += st.ctx.flow[st.bands.col.cell[id]!]!;
}

/** Run the bands phase for one day (see the file comment); randomness from `rng` only. */
export function bandsDay(st: BandDay, rng: RngStream): void {
  const { bands, ctx, rules: r } = st;
  st.tax.clear();
  st.log.reset();
  st.attempts.reset();
  st.attacks.reset();
  const col = bands.col;
  const ids = bands.order(rng);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!bands.has(id) || col.fighters[id]! <= 0) continue;
    prepareDay(bands, id, r, rng);
    countDay(st, id);
    if (col.action[id] === ACT_IDLE) chooseAction(st, id, rng);
    const act = col.action[id]!;
    col.days[id] = col.days[id]! + 1;
    if (act === ACT_ESCORT && col.escortDays[id]! > 0) continue; // under contract, with its loads
    const cls = ctx.motiveClassOf[col.motive[id]!]!;
    if (col.cell[id] !== col.target[id]) {
      const ok = moveBand(st, id, cls);
      if (!ok || (col.cell[id] !== col.target[id] && col.days[id]! > r.maxTravelDays)) {
        makeIdle(bands, id);
        continue;
      }
      if (col.cell[id] !== col.target[id]) continue;
    }
    const c = col.cell[id]!;
    col.dwell[id] = col.dwell[id]! + 1;
    switch (act) {
      case ACT_TAX:
        st.tax.set(c, id, col.fighters[id]!, r.taxUsdPerKg);
        if (col.dwell[id]! >= r.taxDays) makeIdle(bands, id);
        break;
      case ACT_ESCORT:
        col.escortDays[id] = r.escortDays;
        break;
      case ACT_ATTACK:
      case ACT_CROSS:
        st.attacks.push(id, c, act === ACT_CROSS);
        col.sinceOp[id] = 0;
        if (act === ACT_CROSS) col.sinceCampaign[id] = 0;
        makeIdle(bands, id);
        break;
      case ACT_RECRUIT: {
        const p = ctx.world.province[c]!;
        st.out.recruited += recruit(bands, id, p >= 0 ? ctx.actives[p]! : 0, r, rng);
        makeIdle(bands, id);
        break;
      }
      default:
        if (col.dwell[id]! >= r.hideDays) makeIdle(bands, id);
    }
  }
}

/**
 * The bands phase of one run over `bands`, seeing `ctx`, by `rules`, halting at borders where
 * `block` (the alliance's blocking screen per cell) is set, with fresh state.
 */
export function createBandDay(
  bands: Bands,
  ctx: BandContext,
  rules: BandRules,
  block: ArrayLike<number>,
): BandDay {
  return {
    bands,
    ctx,
    rules,
    world: ctx.world,
    fields: ctx.fields,
    tax: new TaxLayer(ctx.world.grid.size),
    log: new MoveLog(),
    attempts: new MoveLog(),
    block,
    attacks: new AttackList(),
    scratch: new ChoiceScratch(),
    out: new BandOutcomes(),
  };
}
