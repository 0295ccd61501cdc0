/** `pamir run <scenario>`: run a scenario once and print its outcome table (or JSON). */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { RunResult } from "../../core/model.js";
import { runModel } from "../../core/run.js";
import type { LoadedScenario } from "../../scenario/load.js";
import { type Provenance, provenance, scenarioInputs } from "../../study/results/provenance.js";
import { CliError, EXIT } from "../errors.js";
import { loadOrFail } from "../load.js";
import { unitOf } from "../outcomes/catalogues.js";
import { setArgs } from "../set-args.js";
import { formatNumber, renderTable } from "../table.js";
import { PAMIR_VERSION } from "../version.js";

/**
 * The JSON document of one run: everything needed to reproduce it, nothing time-dependent;
 * `provenance` (commit, dirty tree, command line, input hashes) comes last when given.
 */
export function runDocument(
  sc: LoadedScenario,
  seed: number,
  ticks: number,
  result: RunResult,
  made?: Provenance,
): unknown {
  return {
    pamir: PAMIR_VERSION,
    scenario: { file: sc.file, name: sc.name, model: sc.model.name },
    seed,
    horizon: ticks,
    params: sc.params,
    ...result,
    ...(made ? { provenance: made } : {}),
  };
}

export interface RunArgs {
  scenario: string;
  seed?: number | undefined;
  ticks?: number | undefined;
  out?: string | undefined;
  json?: boolean | undefined;
  set?: string | string[] | undefined;
}

/** Execute `pamir run`. */
export function runCommand(args: RunArgs, print: (s: string) => void): void {
  const sc = loadOrFail(args.scenario, setArgs(args.set));
  const seed = args.seed ?? sc.seed;
  const ticks = args.ticks ?? sc.ticks;
  const started = performance.now();
  const outcome = runModel(sc.model, sc.params, { seed, ticks, map: sc.map });
  const ms = performance.now() - started;
  if (!outcome.ok) {
    const p = outcome.problems[0]!;
    const name = p.kind === "run" && p.data ? p.data.name : "Error";
    throw new CliError(`run failed: ${name}: ${p.message}`, EXIT.runFailed);
  }
  const made = provenance(scenarioInputs(sc), process.argv.slice(2));
  const doc = runDocument(sc, seed, ticks, outcome.result, made);
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  let written: string | undefined;
  if (args.out) {
    mkdirSync(args.out, { recursive: true });
    written = join(args.out, `${basename(sc.file, extname(sc.file))}-seed${seed}.json`);
    writeFileSync(written, text);
  }
  if (args.json) {
    print(text.trimEnd());
    return;
  }
  const catalogue = [sc.model.outcomes];
  const rows = Object.entries(outcome.result.outcomes).map(([k, v]) => [
    k,
    formatNumber(v),
    unitOf(catalogue, k),
  ]);
  print(
    `${sc.name} — model ${sc.model.name}, seed ${seed}, ${outcome.result.ticks} ticks, ${ms.toFixed(1)} ms`,
  );
  print("");
  print(renderTable(["outcome", "value", "unit"], rows));
  if (written) print(`\nresult written to ${written}`);
}
