/**
 * `pamir calibrate --apply`: a finished calibration's fitted values written into the scenarios
 * its file names under `applyTo:`, so the shipped defaults are the calibrated ones and each says
 * where it came from. Each value is the posterior mean the fit table re-simulated (6 significant
 * digits), and its line comment cites the calibration file, the first 12 digits of its hash and
 * the 95 % posterior interval. Parameters marked `apply: false` (a hypothesis each scenario
 * states for itself, such as the motive) are left as they are. A scenario that already spells
 * each parameter out on its own line is edited in place; each file is written through a
 * temporary and a rename.
 */
import { renameSync, writeFileSync } from "node:fs";
import { type Document, isScalar, parseDocument } from "yaml";
import { failure, problem, type Result } from "../../core/problems.js";
import { loadScenarioText } from "../../scenario/load.js";
import { splitPath } from "../param-path.js";
import type { LoadedCalibration } from "./load.js";
import type { ParameterSummary } from "./outputs.js";

const round4 = (v: number) => Number(v.toPrecision(4));

/** The comment a fitted value carries in a scenario. */
export function fittedComment(c: LoadedCalibration, p: ParameterSummary): string {
  return ` fitted: ${c.file} (calibration ${c.hash.slice(0, 12)}), 95 % ${round4(p.q025)}–${round4(p.q975)}`;
}

/**
 * Replace a block scalar's value and its line comment in place, or undefined when the value is
 * not a plain scalar that ends its line (absent, or inside a flow collection).
 */
function editInPlace(
  text: string,
  doc: Document,
  at: readonly (string | number)[],
  value: number,
  comment: string,
): string | undefined {
  const node = doc.getIn(at, true);
  if (!isScalar(node) || !node.range) return undefined;
  const [from, to] = node.range;
  const eol = text.indexOf("\n", to);
  const rest = text.slice(to, eol < 0 ? text.length : eol);
  if (!/^\s*(#.*)?$/.test(rest)) return undefined;
  return `${text.slice(0, from)}${value} #${comment}${text.slice(to + rest.length)}`;
}

/**
 * One scenario's text with the fitted values of `summary` written in. A value already written
 * as a scalar on its own line is replaced in place (every other byte kept); otherwise the
 * document is set and written out again (its comments kept, its layout the YAML library's).
 */
export function appliedText(
  c: LoadedCalibration,
  summary: readonly ParameterSummary[],
  text: string,
): string {
  const applied = summary.filter((q) => q.apply);
  let out = text;
  for (const p of applied) {
    const edited = editInPlace(out, parseDocument(out), splitPath(p.path), p.fitted, fittedComment(c, p));
    if (edited === undefined) return rewritten(c, applied, text);
    out = edited;
  }
  return out;
}

/** The whole document set and written out again. */
function rewritten(c: LoadedCalibration, applied: readonly ParameterSummary[], text: string): string {
  const doc = parseDocument(text);
  for (const p of applied) {
    const at = splitPath(p.path);
    doc.setIn(at, p.fitted);
    const node = doc.getIn(at, true);
    if (isScalar(node)) node.comment = fittedComment(c, p);
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Write the fitted values into every applyTo scenario. Each new text is checked to load before
 * any file is written, so a refusal leaves every scenario as it was. Returns the files written.
 */
export function applyFitted(c: LoadedCalibration, summary: readonly ParameterSummary[]): Result<string[]> {
  const texts = c.applyTo.map((s) => ({ file: s.file, text: appliedText(c, summary, s.text) }));
  for (const t of texts) {
    const loaded = loadScenarioText(t.text, t.file);
    if (!loaded.ok) return loaded;
  }
  try {
    for (const t of texts) {
      writeFileSync(`${t.file}.tmp`, t.text);
      renameSync(`${t.file}.tmp`, t.file);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "EIO";
    return failure(problem("file", "", `cannot write the fitted scenario: ${String(err)}`, { code }));
  }
  return { ok: true, value: texts.map((t) => t.file) };
}
