/** `--apply`: fitted values written into scenarios with their hash, apply: false kept, a refused value writes nothing. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { problemLine } from "../../../../src/cli/problems.js";
import { appliedText, applyFitted } from "../../../../src/study/calibrate/apply.js";
import { type LoadedCalibration, loadCalibrationText } from "../../../../src/study/calibrate/load.js";
import type { ParameterSummary } from "../../../../src/study/calibrate/outputs.js";

const BASELINE = readFileSync("scenarios/baseline.yaml", "utf8");

/** A calibration of the baseline's bribe share and carriage cost that applies to `scenarios` in `dir`. */
function calibration(dir: string, scenarios: string[], applyBribe = true): LoadedCalibration {
  const text = [
    "name: t",
    `scenario: ${join(process.cwd(), "scenarios/baseline.yaml")}`,
    "ticks: 5",
    "parameters:",
    `  params.traffickers.bribeShare: { min: 0.05, max: 0.2, apply: ${applyBribe} }`,
    "  params.transport.baseUsdPerKgCell: { prior: log-uniform, min: 10, max: 100 }",
    "targets:",
    "  fares_usd: { observed: 10, tolerance: 1, source: s }",
    `applyTo: [${scenarios.join(", ")}]`,
  ].join("\n");
  const r = loadCalibrationText(text, join(dir, "c.yaml"));
  if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
  return r.calibration;
}

const summary = (c: LoadedCalibration, values: number[]): ParameterSummary[] =>
  c.parameters.map((p, i) => ({
    ...p,
    mean: values[i]!,
    sd: 0,
    q025: values[i]! / 2,
    median: values[i]!,
    q975: values[i]! * 2,
    fitted: values[i]!,
  }));

describe("applyFitted", () => {
  it("writes each applied value with a comment citing the calibration's hash and keeps the rest of the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-apply-"));
    writeFileSync(join(dir, "s.yaml"), BASELINE);
    const c = calibration(dir, ["s.yaml"], false);
    const r = applyFitted(c, summary(c, [0.15, 33.3]));
    expect(r).toEqual({ ok: true, value: [join(dir, "s.yaml")] });
    const text = readFileSync(join(dir, "s.yaml"), "utf8");
    const doc = parse(text);
    expect(doc.params.transport.baseUsdPerKgCell).toBe(33.3);
    expect(doc.params.traffickers.bribeShare).toBe(parse(BASELINE).params.traffickers.bribeShare);
    expect(text).toContain(
      `baseUsdPerKgCell: 33.3 # fitted: ${c.file} (calibration ${c.hash.slice(0, 12)}), 95 % 16.65–66.6`,
    );
    // Everything else is as it was: every value, and every comment's words.
    const was = parse(BASELINE);
    was.params.transport = { ...was.params.transport, baseUsdPerKgCell: 33.3 };
    expect(doc).toEqual(was);
    for (const comment of BASELINE.split("\n").flatMap((l) => l.match(/# .*$/) ?? []))
      expect(text).toContain(comment);
  });

  it("refuses a value the scenario's schema refuses and then writes no file at all", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-apply-"));
    writeFileSync(join(dir, "a.yaml"), BASELINE);
    writeFileSync(join(dir, "b.yaml"), BASELINE);
    const c = calibration(dir, ["a.yaml", "b.yaml"]);
    const r = applyFitted(c, summary(c, [1.5, 40]));
    expect(r.ok).toBe(false);
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe(BASELINE);
    expect(readFileSync(join(dir, "b.yaml"), "utf8")).toBe(BASELINE);
  });

  it("is not part of the calibration's hash, and a missing applyTo file is a located problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-apply-"));
    writeFileSync(join(dir, "s.yaml"), BASELINE);
    expect(calibration(dir, ["s.yaml"]).hash).toBe(calibration(dir, [], false).hash);
    expect(() => calibration(dir, ["gone.yaml"])).toThrow(/c\.yaml:9:\d+ {2}applyTo\[0\] .*gone\.yaml/);
    const c = calibration(dir, ["s.yaml"]);
    expect(appliedText(c, summary(c, [0.12, 50]), "params: {}\n")).toContain("bribeShare: 0.12 #");
  });
});
