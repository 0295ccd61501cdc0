#!/usr/bin/env node
/**
 * The `pamir` command. This is the only place that prints errors and picks exit codes:
 * 0 success, 1 a run failed, 2 bad input or usage, 3 `pamir audit --strict` found a switch that moves nothing.
 */
import type { Argv } from "yargs";
import { registerSpec } from "./command-spec.js";
import { CliError, EXIT } from "./errors.js";
import { PAMIR_VERSION } from "./version.js";

/**
 * Every command, in the order --help lists them: one line each. A spec module holds only the
 * command's name, help and options; its handler imports the implementation when it runs.
 */
const loadCommands = () =>
  Promise.all([
    import("./run/spec.js"),
    import("./validate/spec.js"),
    import("./schema/spec.js"),
    import("./map/spec.js"),
    import("./study/spec.js"),
    import("./summarize/spec.js"),
    import("./compare/spec.js"),
    import("./report/spec.js"),
    import("./sensitivity/spec.js"),
    import("./discover/spec.js"),
    import("./flip/spec.js"),
    import("./calibrate/spec.js"),
    import("./worker/spec.js"),
    import("./audit/spec.js"),
    import("./init/spec.js"),
    import("./outcomes/spec.js"),
    import("./query/spec.js"),
  ]);

const print = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

/** The commands' names as a sentence: "run, validate, … or init". */
function commandList(commands: string[]): string {
  const names = commands.map((c) => c.split(" ")[0]!);
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

/** Parse argv and run the chosen command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  // The version alone needs no parser: answered before yargs and the specs are loaded.
  if (argv.length === 1 && argv[0] === "--version") {
    print(PAMIR_VERSION);
    return EXIT.ok;
  }
  const [{ default: yargs }, commands] = await Promise.all([import("yargs"), loadCommands()]);
  const debug = argv.includes("--debug");
  let y: Argv = yargs(argv)
    .scriptName("pamir")
    .usage("$0 <command> [options]\n\nAgent-based simulation of the terror–crime nexus in Central Asia.")
    .version(PAMIR_VERSION)
    .option("debug", { type: "boolean", default: false, describe: "show stack traces on errors" })
    .strict()
    .demandCommand(1, `name a command: ${commandList(commands.map((c) => c.command.command))}`)
    .recommendCommands()
    // `pamir completion >> ~/.bashrc` (or ~/.zshrc): completes command names and options.
    .completion("completion", "Print the shell completion script (bash or zsh; see the README)")
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
  for (const { command } of commands) y = registerSpec(y, command, print);
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
