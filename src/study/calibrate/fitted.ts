/**
 * fitted.yaml: the calibrated scenario with the fitted values written in, everything else (its
 * comments and layout) kept, headed by a comment that cites the calibration file and its hash so
 * the numbers can be traced to the run that made them. A relative map file path is rewritten to
 * stay valid from the results folder.
 */
import { renameSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { isScalar, parseDocument } from "yaml";
import { splitPath } from "../param-path.js";
import type { LoadedCalibration } from "./load.js";
import type { ParameterSummary } from "./outputs.js";

const round4 = (v: number) => Number(v.toPrecision(4));

/** The text of the fitted scenario for `summary` (written to a file in `dir`). */
export function fittedScenarioText(
  c: LoadedCalibration,
  summary: readonly ParameterSummary[],
  dir: string,
  point: "mean" | "best" = "mean",
): string {
  const doc = parseDocument(c.scenario.text);
  for (const p of summary) {
    const at = splitPath(p.path);
    const was = doc.getIn(at);
    doc.setIn(at, p.fitted);
    // The old line comment would now describe a value that is gone.
    const node = doc.getIn(at, true);
    if (isScalar(node)) node.comment = ` fitted by pamir calibrate (was ${was ?? "the default"})`;
  }
  const map = doc.get("map");
  if (typeof map === "string" && !isAbsolute(map))
    doc.set(
      "map",
      relative(dir, join(dirname(c.scenario.file), map))
        .split("\\")
        .join("/"),
    );
  const head = [
    ` Fitted by pamir calibrate ${c.file} (calibration hash ${c.hash}).`,
    point === "mean"
      ? ` Posterior means (95 % intervals) of ABC-SMC against ${c.targets.length} target(s):`
      : ` The particle nearest ${c.targets.length} target(s) when re-simulated (of the ${c.input.pointCandidates} nearest), with the posterior's 95 % intervals:`,
    ...summary.map((p) => `   ${p.path} = ${p.fitted} (${round4(p.q025)} to ${round4(p.q975)})`),
  ].join("\n");
  doc.commentBefore = doc.commentBefore ? `${head}\n\n${doc.commentBefore}` : head;
  return doc.toString();
}

/** Write `<dir>/fitted.yaml`. */
export function writeFittedScenario(
  c: LoadedCalibration,
  summary: readonly ParameterSummary[],
  dir: string,
  point: "mean" | "best" = "mean",
): void {
  const path = join(dir, "fitted.yaml");
  writeFileSync(`${path}.tmp`, fittedScenarioText(c, summary, dir, point));
  renameSync(`${path}.tmp`, path);
}
