/** `pamir validate <files..>`: check scenario and study files and list every located problem. */
import { readText } from "../../core/read-file.js";
import { loadScenarioFile } from "../../scenario/load.js";
import { parseYaml } from "../../scenario/yaml-source.js";
import { loadStudyFile } from "../../study/load.js";
import { pointCheckProgress } from "../../study/run/progress.js";
import { CliError, EXIT } from "../errors.js";
import { problemLine } from "../problems.js";

const stderrLine = (line: string) => process.stderr.write(`pamir: ${line}\n`);

/** Execute `pamir validate`; throws a CliError (exit 2) listing all problems if any file is bad. */
export function validateCommand(files: string[], print: (s: string) => void): void {
  const problems: string[] = [];
  let bad = 0;
  for (const f of files) {
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
    const res = loadScenarioFile(f);
    if (res.ok) {
      print(`${f}: ok (model ${res.scenario.model.name}, ${res.scenario.ticks} ticks)`);
    } else {
      bad++;
      problems.push(...res.problems.map(problemLine));
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
