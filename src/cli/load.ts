/** Load a scenario for a command, turning located errors into a CliError (exit 2). */
import { formatScenarioError, type LoadedScenario, loadScenarioFile } from "../scenario/load.js";
import { CliError, EXIT } from "./errors.js";

/** The scenario at `file`, or a CliError listing every located problem in it. */
export function loadOrFail(file: string): LoadedScenario {
  const res = loadScenarioFile(file);
  if (res.ok) return res.scenario;
  const n = res.errors.length;
  throw new CliError(
    `${file}: ${n} problem${n === 1 ? "" : "s"}`,
    EXIT.badInput,
    res.errors.map((e) => formatScenarioError(e)),
  );
}
