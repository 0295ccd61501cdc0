/**
 * A command as main.ts registers it: its light half (name, help, options), which every start
 * loads, and `run`, which loads the command's module with `await import()` only when it is the
 * command chosen — so `pamir --help`, `--version` and completion never load the engine, mathjs,
 * zod or vega.
 */
import type { Argv } from "yargs";

/** Print one line of a command's output. */
export type Print = (s: string) => void;

/**
 * One command. `builder` declares positionals and options and may import only light modules
 * (constants, yargs types); `run` imports `./command.js` (the implementation) and runs it.
 */
export interface CommandSpec {
  /** yargs command string, e.g. `run <scenario>`. */
  command: string;
  /** One line for `pamir --help`. */
  describe: string;
  /** Positionals, options and checks. */
  builder: (y: Argv) => Argv<unknown>;
  /**
   * Load the implementation and run it with the parsed arguments (a method, so each spec can
   * name its own arguments' type: the builder is what makes them so).
   */
  run(args: object, print: Print): Promise<void>;
}

/** Register `spec` on `y`; its implementation loads when yargs calls the handler. */
export function registerSpec(y: Argv, spec: CommandSpec, print: Print): Argv {
  return y.command(spec.command, spec.describe, spec.builder, (a) => spec.run(a, print));
}
