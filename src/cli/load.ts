/** Load a scenario for a command, turning located problems into a CliError (exit 2). */
import { type LoadedScenario, loadScenarioFile } from "../scenario/load.js";
import { fileProblemsError } from "./problems.js";

/** The scenario at `file`, or a CliError listing every located problem in it. */
export function loadOrFail(file: string): LoadedScenario {
  const res = loadScenarioFile(file);
  if (res.ok) return res.scenario;
  throw fileProblemsError(file, res.problems);
}
