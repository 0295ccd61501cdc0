/** Load a scenario for a command, turning located problems into a CliError (exit 2). */
import { type LoadedScenario, loadScenarioFileWith } from "../scenario/load.js";
import { parseSettings } from "../scenario/settings.js";
import { CliError, EXIT } from "./errors.js";
import { fileProblemsError, problemsText } from "./problems.js";

/**
 * The scenario at `file`, with the command line's `--set path=value` arguments written in, or a
 * CliError: one line per problem, a problem a `--set` caused named by that argument (and when
 * only those went wrong, they are the whole message).
 */
export function loadOrFail(file: string, set: readonly string[] = []): LoadedScenario {
  const settings = parseSettings(set);
  if (!settings.ok) throw new CliError(problemsText(settings.problems), EXIT.badInput);
  const res = loadScenarioFileWith(file, settings.value);
  if (res.ok) return res.scenario;
  if (res.problems.every((p) => p.kind === "option"))
    throw new CliError(problemsText(res.problems), EXIT.badInput);
  throw fileProblemsError(file, res.problems);
}
