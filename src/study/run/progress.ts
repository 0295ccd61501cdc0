/** Progress of a running study as one line of text (the CLI decides where and how often to show it). */
import type { StudyProgress } from "../results/session.js";

/** A duration for people: "42 s", "3 min 07 s", "1 h 05 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** Runs per second in this session (resumed runs excluded), NaN before the first batch. */
export function runRate(p: StudyProgress): number {
  const n = p.done - p.resumed;
  return n > 0 && p.elapsedMs > 0 ? n / (p.elapsedMs / 1000) : Number.NaN;
}

/**
 * "57/120 runs  9.8 runs/s  ETA 6 s  3 failed", after a `[####----]` bar of `bar` characters
 * when bar > 0.
 */
export function progressLine(p: StudyProgress, bar = 0): string {
  const rate = runRate(p);
  const left = p.planned - p.done;
  const parts = [
    `${p.done}/${p.planned} runs`,
    Number.isFinite(rate) ? `${rate >= 100 ? Math.round(rate) : rate.toPrecision(3)} runs/s` : "— runs/s",
    // The first second is pool start and JIT warm-up: a rate from it would promise a wild ETA.
    `ETA ${Number.isFinite(rate) && (p.elapsedMs >= 1000 || left === 0) ? formatDuration((left / rate) * 1000) : "—"}`,
    `${p.failed} failed`,
  ];
  if (bar <= 0) return parts.join("  ");
  const filled = p.planned > 0 ? Math.round((bar * p.done) / p.planned) : bar;
  return `[${"#".repeat(filled)}${"-".repeat(bar - filled)}] ${parts.join("  ")}`;
}

/**
 * A progress callback for checking a study's design points that calls `write` with one line
 * ("<file>: checking design points, 40960 of 1000000 (4 %), 12 s") at most every `everyMs`,
 * and only once checking has taken that long: short validations stay silent.
 */
export function pointCheckProgress(
  file: string,
  write: (line: string) => void,
  everyMs = 2000,
): (checked: number, total: number) => void {
  const t0 = performance.now();
  let last = t0;
  return (checked, total) => {
    const now = performance.now();
    if (now - last < everyMs) return;
    last = now;
    const pct = Math.floor((100 * checked) / total);
    write(`${file}: checking design points, ${checked} of ${total} (${pct} %), ${formatDuration(now - t0)}`);
  };
}
