/** `pamir validate <files..>`: check scenario and study files and list every located problem. */
import { readText } from "../../core/read-file.js";
import { loadScenarioFileWith } from "../../scenario/load.js";
import { parseSettings } from "../../scenario/settings.js";
import { parseYaml } from "../../scenario/yaml-source.js";
import { loadStudyFile } from "../../study/load.js";
import { pointCheckProgress } from "../../study/run/progress.js";
import { CliError, EXIT } from "../errors.js";
import { problemLine, problemsText } from "../problems.js";

const stderrLine = (line: string) => process.stderr.write(`pamir: ${line}\n`);

/** Execute `pamir validate` (scenarios with `set`, the `--set` arguments, written in); throws a CliError (exit 2) listing all problems if any file is bad. */
export function validateCommand(files: string[], print: (s: string) => void, set: string[] = []): void {
  const settings = parseSettings(set);
  if (!settings.ok) throw new CliError(problemsText(settings.problems), EXIT.badInput);
  const problems: string[] = [];
  let bad = 0;
  for (const f of files) {
    if (looksLikeStudy(f) && set.length > 0) {
      bad++;
      problems.push(`${f}: --set applies to scenario files, and this is a study (its factors set values)`);
      continue;
    }
    if (looksLikeStudy(f)) {
      const st = loadStudyFile(f, { onProgress: pointCheckProgress(f, stderrLine) });
      if (st.ok) {
        const { scenarios, design, input } = st.study;
        const runs = scenarios.length * design.points * input.replicates;
        print(
          `${f}: ok (study: ${scenarios.length} scenario(s) × ${design.points} point(s) × ${input.replicates} replicate(s) = ${runs} runs)`,
        );
      } else {
        bad++;
        problems.push(...st.problems.map(problemLine));
      }
      continue;
    }
    const res = loadScenarioFileWith(f, settings.value);
    if (res.ok) {
      print(`${f}: ok (model ${res.scenario.model.name}, ${res.scenario.ticks} ticks)`);
    } else {
      bad++;
      // A --set problem names no file: say which file it was set in.
      problems.push(...res.problems.map((p) => problemLine(p.file === undefined ? { ...p, file: f } : p)));
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

/**
 * Whether a file is a study rather than a scenario: a YAML mapping that names base scenarios and
 * no model. Anything unreadable or odd goes to the scenario loader, whose errors are located.
 */
function looksLikeStudy(file: string): boolean {
  const text = readText(file, { what: "scenario" });
  if (!text.ok) return false;
  // The loaders' own parser: depth-capped, and silent (no YAML warnings on the console).
  const data = parseYaml(text.value).data as Record<string, unknown> | null | undefined;
  return (
    data !== null &&
    typeof data === "object" &&
    !Array.isArray(data) &&
    !Object.hasOwn(data, "model") &&
    (Object.hasOwn(data, "scenario") || Object.hasOwn(data, "scenarios"))
  );
}
