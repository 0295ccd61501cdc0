#!/usr/bin/env node
/**
 * The `pamir` command. This is the only place that prints errors and picks exit codes:
 * 0 success, 1 a run failed, 2 bad input or usage, 3 `pamir audit --strict` found a switch that moves nothing.
 */
import yargs, { type Argv } from "yargs";
import { registerAudit } from "./audit/command.js";
import { registerCalibrate } from "./calibrate/command.js";
import { registerCompare } from "./compare.js";
import { registerDiscover } from "./discover.js";
import { CliError, EXIT } from "./errors.js";
import { registerMap } from "./map.js";
import { registerOutcomes } from "./outcomes/command.js";
import { registerQuery } from "./query/command.js";
import { registerReport } from "./report.js";
import { registerRun } from "./run.js";
import { registerSchema } from "./schema.js";
import { registerSensitivity } from "./sensitivity.js";
import { registerStudy } from "./study.js";
import { registerSummarize } from "./summarize.js";
import { registerValidate } from "./validate.js";
import { PAMIR_VERSION } from "./version.js";
import { registerWorker } from "./worker.js";

const print = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

/** Parse argv and run the chosen command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  let y: Argv = yargs(argv)
    .scriptName("pamir")
    .usage("$0 <command> [options]\n\nAgent-based simulation of the terror–crime nexus in Central Asia.")
    .version(PAMIR_VERSION)
    .option("debug", { type: "boolean", default: false, describe: "show stack traces on errors" })
    .strict()
    .demandCommand(
      1,
      "name a command: run, validate, schema, map, study, worker, summarize, compare, report, sensitivity, discover, audit or calibrate",
    )
    .recommendCommands()
    .help()
    .alias("h", "help")
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      // Our own failures pass through; anything yargs itself rejects (unknown option, failed
      // check) is a usage error. Throwing here (not recording) stops yargs before the command's
      // handler runs: a failed check must never run the command.
      if (err instanceof CliError) throw err;
      if (msg) throw new CliError(`${msg} (see pamir --help)`, EXIT.badInput);
      if (err) throw err;
    })
    .exitProcess(false);
  y = registerRun(y, print);
  y = registerValidate(y, print);
  y = registerSchema(y, print);
  y = registerMap(y, print);
  y = registerStudy(y, print);
  y = registerSummarize(y, print);
  y = registerCompare(y, print);
  y = registerReport(y, print);
  y = registerSensitivity(y, print);
  y = registerDiscover(y, print);
  y = registerCalibrate(y, print);
  y = registerWorker(y, print);
  y = registerAudit(y, print);
  y = registerQuery(y, print);
  y = registerOutcomes(y, print);
  try {
    await y.parseAsync();
  } catch (err) {
    if (err instanceof CliError) {
      for (const l of err.lines) process.stderr.write(`${l}\n`);
      process.stderr.write(`pamir: ${err.message}\n`);
      return err.code;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    process.stderr.write(`pamir: internal error: ${e.message}\n`);
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
    return EXIT.runFailed;
  }
  return EXIT.ok;
}

// `pamir run … | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
process.exitCode = await main(process.argv.slice(2));
