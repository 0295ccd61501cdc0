/** `pamir validate <files..>`: check scenario files and list every located problem. */
import type { Argv } from "yargs";
import { formatScenarioError, loadScenarioFile } from "../scenario/load.js";
import { CliError, EXIT } from "./errors.js";

/** Execute `pamir validate`; throws a CliError (exit 2) listing all problems if any file is bad. */
export function validateCommand(files: string[], print: (s: string) => void): void {
  const problems: string[] = [];
  let bad = 0;
  for (const f of files) {
    const res = loadScenarioFile(f);
    if (res.ok) {
      print(`${f}: ok (model ${res.scenario.model.name}, ${res.scenario.ticks} ticks)`);
    } else {
      bad++;
      problems.push(...res.errors.map((e) => formatScenarioError(e)));
    }
  }
  if (bad > 0) {
    throw new CliError(
      `${bad} of ${files.length} file${files.length === 1 ? "" : "s"} invalid`,
      EXIT.badInput,
      problems,
    );
  }
}

/** Register `validate` on a yargs instance. */
export function registerValidate(y: Argv, print: (s: string) => void): Argv {
  return y.command(
    "validate <files..>",
    "Check scenario files; print every problem as file:line:col  path  message",
    (c) =>
      c.positional("files", { type: "string", array: true, demandOption: true, describe: "scenario files" }),
    (a) => validateCommand(a.files as string[], print),
  );
}
