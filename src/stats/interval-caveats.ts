/**
 * When a 95 % t interval should not be read at face value, in words every table shares. Two
 * cases: it rests on fewer than 10 runs (the t interval assumes a near-normal mean, which so few
 * runs cannot show, and t(0.975, 2) = 4.3 makes it wide), or it reaches below 0 for a quantity
 * no run ever had negative (a price, a count: the normal approximation misfits a skewed sample).
 * Such an interval is flagged, not clipped: the table then shows the numbers summary.csv holds,
 * and the flag says how far to trust them; clipping at 0 would pass a made-up interval as one
 * with 95 % coverage.
 */
import type { SampleStats } from "./describe.js";

/** Fewest runs an interval may rest on without a flag. */
export const MIN_INTERVAL_RUNS = 10;

/** Why an interval is flagged. */
export type IntervalCaveat = "few-runs" | "below-zero";

/** Short marks for a table's note column, in caveat order. */
export const CAVEAT_MARKS: Readonly<Record<IntervalCaveat, string>> = {
  "few-runs": `n<${MIN_INTERVAL_RUNS}`,
  "below-zero": "<0",
};

/** The footnote of each mark. */
export const CAVEAT_NOTES: Readonly<Record<IntervalCaveat, string>> = {
  "few-runs": `${CAVEAT_MARKS["few-runs"]}: the interval rests on fewer than ${MIN_INTERVAL_RUNS} runs; it is wide and assumes a near-normal mean that so few runs cannot show — run more replicates`,
  "below-zero": `${CAVEAT_MARKS["below-zero"]}: the interval reaches below 0 although no run's value is negative; the normal approximation misfits this skewed sample, so read the lower end as 0 (shown as computed, as in summary.csv)`,
};

/** The caveats of one sample's interval; none when there is no interval (fewer than 2 values). */
export function intervalCaveats(s: Pick<SampleStats, "n" | "ciLow" | "min">): IntervalCaveat[] {
  if (!Number.isFinite(s.ciLow)) return [];
  const out: IntervalCaveat[] = [];
  if (s.n < MIN_INTERVAL_RUNS) out.push("few-runs");
  if (s.min >= 0 && s.ciLow < 0) out.push("below-zero");
  return out;
}

/** The marks of `caveats` for a table cell ("" without any). */
export function caveatMarks(caveats: readonly IntervalCaveat[]): string {
  return caveats.map((c) => CAVEAT_MARKS[c]).join(" ");
}

/** Counts of each caveat over many intervals, and the footnotes and one-line warning they call for. */
export class CaveatTally {
  private readonly counts = new Map<IntervalCaveat, number>();

  /** Count the caveats of one interval and return its marks. */
  add(caveats: readonly IntervalCaveat[]): string {
    for (const c of caveats) this.counts.set(c, (this.counts.get(c) ?? 0) + 1);
    return caveatMarks(caveats);
  }

  /** Count another tally's caveats too. */
  addAll(other: CaveatTally): void {
    for (const [c, n] of other.counts) this.counts.set(c, (this.counts.get(c) ?? 0) + n);
  }

  /** The footnotes of the marks used, in caveat order. */
  notes(): string[] {
    return (Object.keys(CAVEAT_NOTES) as IntervalCaveat[])
      .filter((c) => this.counts.has(c))
      .map((c) => CAVEAT_NOTES[c]);
  }

  /** One warning line per caveat used ("3 intervals rest on fewer than 10 runs"). */
  warnings(): string[] {
    const count = (n: number, one: string, many: string) =>
      n === 1 ? `1 interval ${one}` : `${n} intervals ${many}`;
    const out: string[] = [];
    const few = this.counts.get("few-runs");
    if (few)
      out.push(
        `${count(few, "rests", "rest")} on fewer than ${MIN_INTERVAL_RUNS} runs (marked ${CAVEAT_MARKS["few-runs"]})`,
      );
    const below = this.counts.get("below-zero");
    if (below)
      out.push(
        `${count(below, "reaches", "reach")} below 0 for values never negative (marked ${CAVEAT_MARKS["below-zero"]})`,
      );
    return out;
  }
}
