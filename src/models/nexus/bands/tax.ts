/**
 * The insurgent tax on drug flows: the per-cell layer of held cells (rate and holder), rebuilt
 * daily by the bands phase, and the collection on each load that passes a held cell.
 */
import type { BandOutcomes } from "./outcomes.js";
import type { Bands } from "./store.js";

/**
 * The per-cell tax layer: the rate (USD/kg) levied on loads passing each cell and the band that
 * holds it. Rebuilt daily by the bands phase; the economy adds `rate` to route cost and calls
 * `collectTax` for each load that passes a held cell. When two bands sit on one cell the one with
 * more fighters holds it.
 */
export class TaxLayer {
  /** Tax per kg passing the cell today, USD/kg (0 where no band taxes). */
  readonly rate: Float64Array;
  /** Band id holding the cell, −1 if none. */
  readonly holder: Int32Array;
  private readonly heldBy: Float64Array;
  private readonly touched: Int32Array;
  private n = 0;

  constructor(cells: number) {
    this.rate = new Float64Array(cells);
    this.holder = new Int32Array(cells).fill(-1);
    this.heldBy = new Float64Array(cells);
    this.touched = new Int32Array(cells);
  }

  /** Cells held today. */
  get held(): Int32Array {
    return this.touched.subarray(0, this.n);
  }

  /** Clear yesterday's cells. */
  clear(): void {
    for (let i = 0; i < this.n; i++) {
      const c = this.touched[i]!;
      this.rate[c] = 0;
      this.holder[c] = -1;
      this.heldBy[c] = 0;
    }
    this.n = 0;
  }

  /** Band `id` with `fighters` taxes cell c at `rate` USD/kg (the larger band keeps a contested cell). */
  set(c: number, id: number, fighters: number, rate: number): void {
    if (this.holder[c] === -1) this.touched[this.n++] = c;
    else if (fighters <= this.heldBy[c]!) return;
    this.holder[c] = id;
    this.heldBy[c] = fighters;
    this.rate[c] = rate;
  }
}

/**
 * Book the tax on `kg` passing cell c: rate × kg USD go to the holding band's cash. Returns the
 * amount (0 where no live band holds the cell); the caller debits the load's organisation.
 */
export function collectTax(tax: TaxLayer, bands: Bands, c: number, kg: number, out?: BandOutcomes): number {
  const id = tax.holder[c]!;
  if (id < 0 || !bands.has(id) || !(kg > 0)) return 0;
  const usd = tax.rate[c]! * kg;
  bands.col.cash[id] = bands.col.cash[id]! + usd;
  bands.col.drugUsd[id] = bands.col.drugUsd[id]! + usd;
  if (out) out.taxUsd += usd;
  return usd;
}
