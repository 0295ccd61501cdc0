/**
 * `pamir audit <scenario>`: run the scenario at both values of every switch its model declares
 * (ModelDefinition.switches), the same seeds in each arm, and print and write what each switch
 * moves (study/audit/). Exit codes: 0 done; 1 some runs failed (the table is still written, from
 * the seeds that ran in both arms); 2 bad input (an unreadable scenario, a model with no switches,
 * a declared switch whose path or values the model's params refuse); with `--strict`, 3 when a
 * switch moves no outcome beyond its 95 % interval (so CI can fail on a dead switch).
 */
import { basename, extname, join } from "node:path";
import { readText } from "../../core/read-file.js";
import { auditDocument, writeAudit } from "../../study/audit/document.js";
import { type Contrast, planAudit } from "../../study/audit/plan.js";
import { type AuditResult, runAudit } from "../../study/audit/run.js";
import { defaultWorkers } from "../../study/run/executor.js";
import { CliError, EXIT } from "../errors.js";
import { loadOrFail } from "../load.js";
import { problemLine, problemsText } from "../problems.js";
import { PAMIR_VERSION } from "../version.js";
import { auditTable, deadSwitchNotes, valueText } from "./table.js";

export interface AuditArgs {
  scenario: string;
  seeds: number;
  ticks?: number | undefined;
  workers?: number | undefined;
  out?: string | undefined;
  json?: boolean | undefined;
  strict?: boolean | undefined;
}

/** Execute `pamir audit`. */
export async function auditCommand(args: AuditArgs, print: (s: string) => void): Promise<void> {
  const sc = loadOrFail(args.scenario);
  // The workers parse the same text the scenario was loaded from.
  const text = readText(args.scenario);
  if (!text.ok) throw new CliError(problemsText(text.problems), EXIT.badInput);
  const switches = sc.model.switches ?? [];
  if (switches.length === 0)
    throw new CliError(
      `${args.scenario}: model ${sc.model.name} declares no switches to audit`,
      EXIT.badInput,
    );
  const plan = planAudit(sc, switches, args.ticks);
  if (!plan.ok) throw new CliError(`${args.scenario}: ${problemsText(plan.problems)}`, EXIT.badInput);
  const workers = args.workers ?? defaultWorkers();
  // Progress on a terminal only (stderr, redrawn), so piped output and --json stay clean.
  const tty = process.stderr.isTTY === true;
  const onProgress = (done: number, planned: number) => {
    process.stderr.write(`\raudit: ${done}/${planned} runs\x1b[K${done === planned ? "\r\x1b[K" : ""}`);
  };
  const res = await runAudit({ scenario: sc, text: text.value }, plan.value, {
    seeds: args.seeds,
    ticks: args.ticks,
    workers,
    onProgress: tty ? onProgress : undefined,
  });
  if (!res.ok) throw new CliError(problemsText(res.problems), EXIT.runFailed);
  const r = res.value;
  const out = args.out ?? join("results", `audit-${basename(sc.file, extname(sc.file))}`);
  const written = writeAudit(out, sc, r, PAMIR_VERSION);
  if (!written.ok) throw new CliError(problemsText(written.problems), EXIT.badInput);

  if (args.json) print(JSON.stringify(auditDocument(sc, r, PAMIR_VERSION), null, 2));
  else {
    const secs = (r.elapsedMs / 1000).toFixed(1);
    print(
      `${sc.name} — audit of ${switches.length} switches of model ${sc.model.name}: ` +
        `${r.seeds.length} seeds × ${plan.value.points.length} variants, ${r.ticks} ticks, ${r.runs} runs in ${secs} s`,
    );
    print("");
    print(auditTable(r));
    print("");
    for (const sw of switches) print(`${sw.path}: ${sw.claim}`);
    const notes = deadSwitchNotes(r);
    if (notes.length > 0) print(`\n${notes.join("\n")}`);
    print(`\nwritten to ${written.value.join(", ")}`);
  }
  auditExit(r, args.strict === true);
}

/** Throws the CliError of failed runs (exit 1) or, with `strict`, of switches that move nothing (exit 3). */
export function auditExit(r: AuditResult, strict: boolean): void {
  if (r.failed.count > 0) {
    const first = r.failed.first[0];
    const why = first ? `; first: ${problemLine(first)}` : "";
    throw new CliError(`${r.failed.count} of ${r.runs} runs failed${why}`, EXIT.runFailed);
  }
  // A contrast moved nothing as the scenario stands and, where the switch declares a setting
  // under which it has something to act on, not under that setting either.
  const same = (x: Contrast, y: Contrast) => x.switch === y.switch && x.a === y.a && x.b === y.b;
  const dead = r.contrasts.filter(
    (c) => !c.contrast.given && r.contrasts.every((o) => !same(o.contrast, c.contrast) || o.moved === 0),
  );
  if (strict && dead.length > 0) {
    const names = dead.map(
      (c) => `${c.contrast.switch.path} (${valueText(c.contrast.a)} vs ${valueText(c.contrast.b)})`,
    );
    throw new CliError(`switch moves nothing beyond its 95 % interval: ${names.join(", ")}`, EXIT.deadSwitch);
  }
}
