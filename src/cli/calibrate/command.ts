/**
 * `pamir calibrate <calibration.yaml>`: fit a scenario's free parameters to observed targets by
 * ABC-SMC in the study's worker pool, into a results folder (default results/<name slug>) that a
 * rerun of the same command resumes, after Ctrl-C or a kill. Prints the posterior and the fit
 * table at the end; with --apply it then writes the fitted values into the scenarios the file
 * names under applyTo. Exit codes: 0 finished, 1 the runs failed, 2 bad input, 130 interrupted.
 */
import { join } from "node:path";
import { applyFitted } from "../../study/calibrate/apply.js";
import { loadCalibrationFile } from "../../study/calibrate/load.js";
import type { CalibrateResult } from "../../study/calibrate/run.js";
import { runCalibration } from "../../study/calibrate/run.js";
import { defaultWorkers } from "../../study/run/executor.js";
import { formatDuration } from "../../study/run/progress.js";
import { CliError, EXIT, EXIT_INTERRUPTED } from "../errors.js";
import { fileProblemsError, problemLine } from "../problems.js";
import { stopSignals } from "../signals.js";
import { formatNumber as f } from "../table.js";
import { PAMIR_VERSION } from "../version.js";
import { calibrationTables } from "./tables.js";

export interface CalibrateArgs {
  calibration: string;
  workers?: number | undefined;
  out?: string | undefined;
  resume?: boolean | undefined;
  force?: boolean | undefined;
  quiet?: boolean | undefined;
  apply?: boolean | undefined;
}

/** Execute `pamir calibrate`. */
export async function calibrateCommand(args: CalibrateArgs, print: (s: string) => void): Promise<void> {
  const loaded = loadCalibrationFile(args.calibration);
  if (!loaded.ok) throw fileProblemsError(args.calibration, loaded.problems);
  const c = loaded.calibration;
  if (args.apply === true && c.applyTo.length === 0)
    throw new CliError(
      `${args.calibration}: --apply needs scenarios to write into (applyTo: in the file)`,
      EXIT.badInput,
    );
  const out = args.out ?? join("results", c.slug);
  const workers = args.workers ?? c.input.workers ?? defaultWorkers();
  const m = c.input.method;
  if (args.quiet !== true)
    print(
      `${c.name}: ABC-SMC, ${c.parameters.length} parameter(s), ${c.targets.length} target(s), population ${m.population}, ` +
        `≤ ${m.generations} generations, ${c.input.seeds} seed(s) per draw, on ${workers} worker(s) → ${out}`,
    );
  const { stop, release } = stopSignals(() =>
    process.stderr.write("\npamir: stopping; waiting for the runs in flight\n"),
  );
  let last = performance.now();
  const onRuns = (runs: number) => {
    if (args.quiet === true || performance.now() - last < 2000) return;
    last = performance.now();
    print(`  ${runs} runs this session`);
  };
  let r: CalibrateResult;
  try {
    r = await runCalibration(c, {
      out,
      workers,
      mode: args.force ? "force" : args.resume ? "resume" : "auto",
      version: PAMIR_VERSION,
      stop,
      onRuns,
      onGeneration: (g) => {
        if (args.quiet === true) return;
        const tol = g.tolerance === null ? "∞" : f(g.tolerance);
        print(
          `generation ${g.generation}: tolerance ${tol}, ${g.accepted} of ${g.draws} draws within it, ESS ${f(g.ess)}, ${g.runsTotal} runs so far`,
        );
      },
    });
  } finally {
    release();
  }
  if (!r.ok) {
    const p = r.problems[0]!;
    throw new CliError(problemLine(p), p.kind === "results" ? EXIT.badInput : EXIT.runFailed);
  }
  if (r.status === "interrupted") {
    const again = `pamir calibrate ${args.calibration}${args.out === undefined ? "" : ` --out ${args.out}`}`;
    throw new CliError(
      `interrupted after ${r.runs} runs, kept in ${r.dir}; continue with: ${again}`,
      EXIT_INTERRUPTED,
    );
  }
  if (args.quiet !== true) for (const l of calibrationTables(r)) print(l);
  const resumed = r.resumed > 0 ? `, ${r.resumed} evaluations resumed` : "";
  print(`${r.runs} runs in ${formatDuration(r.elapsedMs)}${resumed} → ${r.dir}`);
  if (args.apply !== true) return;
  const applied = applyFitted(c, r.parameters ?? []);
  if (!applied.ok) throw fileProblemsError(args.calibration, applied.problems);
  const kept = c.parameters.filter((p) => !p.apply).map((p) => p.name);
  for (const f of applied.value)
    print(
      `fitted values written into ${f}${kept.length > 0 ? ` (kept as they were: ${kept.join(", ")})` : ""}`,
    );
}
