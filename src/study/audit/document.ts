/**
 * An audit's files: audit.json (the whole result: scenario, seeds, every contrast with its claim
 * and its effect on every outcome, ranked) and audit.csv (one row per contrast and outcome, for R
 * or pandas). Non-finite numbers are null in JSON and empty cells in CSV; d_z = ±∞ (a difference
 * equal in every seed) is written as the text "inf"/"-inf" in both, so it stays visible.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { failure, problem, type Result } from "../../core/problems.js";
import type { LoadedScenario } from "../../scenario/load.js";
import { csvCell } from "../results/csv.js";
import type { OutcomeEffect } from "./effects.js";
import type { AuditResult, ContrastResult } from "./run.js";

/** How d_z is defined, stored with every audit. */
export const EFFECT_DEFINITION = "d_z = mean of the paired differences a − b / their sd (n − 1)";

/** A number for JSON: finite as is, ±∞ as "inf"/"-inf", NaN as null. */
function num(x: number): number | string | null {
  if (Number.isFinite(x)) return x;
  if (Number.isNaN(x)) return null;
  return x > 0 ? "inf" : "-inf";
}

/** One effect as plain JSON. */
function effectJson(e: OutcomeEffect) {
  return {
    outcome: e.outcome,
    n: e.n,
    meanA: num(e.meanA),
    meanB: num(e.meanB),
    diff: num(e.diff),
    ciLow: num(e.ciLow),
    ciHigh: num(e.ciHigh),
    moved: e.moved,
    effect: num(e.effect),
    relative: num(e.relative),
    p: num(e.p),
  };
}

/** One contrast as plain JSON: the switch, its arms, what it moved. */
function contrastJson(c: ContrastResult) {
  const sw = c.contrast.switch;
  return {
    switch: sw.path,
    kind: sw.kind,
    claim: sw.claim,
    ...(sw.note !== undefined ? { note: sw.note } : {}),
    a: c.contrast.a,
    b: c.contrast.b,
    ...(c.contrast.given ? { given: c.contrast.given } : {}),
    moved: c.moved,
    outcomes: c.effects.length,
    movesNothing: c.moved === 0,
    movesFamilywise: c.familywise,
    effects: c.effects.map(effectJson),
  };
}

/** The audit.json document. */
export function auditDocument(sc: LoadedScenario, r: AuditResult, version: string): unknown {
  return {
    pamir: version,
    scenario: { file: sc.file, name: sc.name, model: sc.model.name },
    ticks: r.ticks,
    seeds: r.seeds,
    confidence: 0.95,
    interval: "Student t on the paired differences, n − 1 degrees of freedom",
    effect: EFFECT_DEFINITION,
    familywise:
      "movesFamilywise: some outcome's paired t test has p < 0.05 / (outcomes with a p) (Bonferroni)",
    runs: { total: r.runs, failed: r.failed.count },
    contrasts: r.contrasts.map(contrastJson),
  };
}

const CSV_HEADER = [
  "switch",
  "claim",
  "a",
  "b",
  "given",
  "outcome",
  "n",
  "mean_a",
  "mean_b",
  "diff",
  "ci_low",
  "ci_high",
  "moved",
  "effect_dz",
  "relative",
  "p",
];

/** A CSV cell of a number: finite as is, ±∞ as inf/-inf, NaN empty. */
const numCell = (x: number) =>
  Number.isNaN(x) ? "" : Number.isFinite(x) ? String(x) : x > 0 ? "inf" : "-inf";

/** A switch value as a CSV cell (scalars plain, anything else as JSON). */
const valueCell = (v: unknown) => (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));

/** audit.csv: one row per contrast and outcome, in the ranked order. */
export function auditCsv(r: AuditResult): string {
  const lines = [CSV_HEADER.join(",")];
  for (const c of r.contrasts) {
    const sw = c.contrast.switch;
    for (const e of c.effects) {
      const cells = [
        sw.path,
        sw.claim,
        valueCell(c.contrast.a),
        valueCell(c.contrast.b),
        c.contrast.given ? `${c.contrast.given.path}=${valueCell(c.contrast.given.value)}` : "",
        e.outcome,
        String(e.n),
        numCell(e.meanA),
        numCell(e.meanB),
        numCell(e.diff),
        numCell(e.ciLow),
        numCell(e.ciHigh),
        e.moved ? "true" : "false",
        numCell(e.effect),
        numCell(e.relative),
        numCell(e.p),
      ];
      lines.push(cells.map(csvCell).join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Write audit.json and audit.csv into `dir` (created if needed); a problem if the disk refuses. */
export function writeAudit(
  dir: string,
  sc: LoadedScenario,
  r: AuditResult,
  version: string,
): Result<string[]> {
  const files = [join(dir, "audit.json"), join(dir, "audit.csv")];
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(files[0]!, `${JSON.stringify(auditDocument(sc, r, version), null, 2)}\n`);
    writeFileSync(files[1]!, auditCsv(r));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return failure(problem("file", dir, `cannot write the audit: ${e.message}`, { code: e.code ?? "EIO" }));
  }
  return { ok: true, value: files };
}
