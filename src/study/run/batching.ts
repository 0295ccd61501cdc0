/**
 * How many runs go in one batch. Sending a batch to a worker costs a fixed overhead (the
 * message both ways, the structured clone); a batch must hold enough run time that this
 * overhead stays under 2 % of it, but no more than that: small batches keep workers evenly
 * loaded at the end of a study, make progress and Ctrl-C responsive, and bound what a killed
 * process loses. The run time is re-estimated from every finished batch.
 */

/** Target: dispatch overhead at most this share of a batch's run time. */
export const OVERHEAD_SHARE = 0.02;
/** A batch should not hold more than about this much work, ms (progress, Ctrl-C and tail balance). */
export const MAX_BATCH_MS = 2000;

/** Batch sizes from measured overhead and run times. */
export class BatchSizer {
  /** Dispatch overhead per batch, ms (a ping's round trip). */
  overheadMs = 0;
  private runs = 0;
  private busyMs = 0;

  constructor(private readonly workers: number) {}

  /** Mean run time so far, ms (NaN before any run). */
  get runMs(): number {
    return this.runs > 0 ? this.busyMs / this.runs : Number.NaN;
  }

  /** Record finished runs and their summed in-worker time. */
  observe(runs: number, busyMs: number): void {
    this.runs += runs;
    this.busyMs += busyMs;
  }

  /** Runs for the next batch, with `remaining` runs not yet sent. */
  next(remaining: number): number {
    if (remaining <= 0) return 0;
    const runMs = Math.max(this.runMs, 1e-3);
    if (!Number.isFinite(this.runMs)) return 1;
    // Enough runs that overhead ≤ 2 % of the batch's run time …
    const wanted = Math.ceil(this.overheadMs / (OVERHEAD_SHARE * runMs));
    // … but at least four batches per worker left to spread, and about MAX_BATCH_MS of work at most.
    const balance = Math.floor(remaining / (4 * this.workers));
    const bounded = Math.floor(MAX_BATCH_MS / runMs);
    return Math.max(1, Math.min(wanted, balance, bounded, remaining));
  }
}

/** A queue study is cut into this many batches or more when its batches can still hold MIN_QUEUE_BATCH_MS of work. */
export const MIN_QUEUE_BATCHES = 64;
/** … and into at least this many in any case, so two batches per thread keep a worker busy. */
export const FEW_QUEUE_BATCHES = 8;
/** Work a queue batch should hold at least, ms: below it, the queue's cost per batch (round trips, collecting) shows. */
export const MIN_QUEUE_BATCH_MS = 100;
/** Most runs in one queue batch (bounds a job's size in Redis and the work a dead worker loses). */
export const MAX_QUEUE_BATCH_RUNS = 1000;

/**
 * Runs per batch of a queue study, fixed when it is first queued (batch indexes are job ids):
 * about MAX_BATCH_MS of work at `runMs` per run, fewer so that the `planned` runs make at least
 * MIN_QUEUE_BATCHES batches (any number of workers shares them) — but not below
 * MIN_QUEUE_BATCH_MS of work, where the ~1–3 ms a batch costs on the queue starts to show —
 * and at least FEW_QUEUE_BATCHES batches, at most MAX_QUEUE_BATCH_RUNS runs.
 */
export function queueBatchRuns(runMs: number, planned: number): number {
  const ms = Math.max(runMs, 1e-3);
  const byTime = Math.floor(MAX_BATCH_MS / ms);
  const spread = Math.max(Math.floor(planned / MIN_QUEUE_BATCHES), Math.ceil(MIN_QUEUE_BATCH_MS / ms));
  const few = Math.floor(planned / FEW_QUEUE_BATCHES);
  return Math.max(1, Math.min(byTime, spread, few, MAX_QUEUE_BATCH_RUNS));
}
