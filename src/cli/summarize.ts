/** `pamir summarize <results-dir>`: recompute summary.json and summary.csv from runs.ndjson. */
import type { Argv } from "yargs";
import { pointLabelText } from "../stats/labels.js";
import { CliError, EXIT } from "./errors.js";
import { resultsCatalogues, unitOf } from "./outcomes/catalogues.js";
import { problemsText } from "./problems.js";
import { formatNumber, renderTable } from "./table.js";

/** Execute `pamir summarize`. */
export async function summarizeCommand(dir: string, print: (s: string) => void): Promise<void> {
  // Loaded here, not at the top: mathjs takes most of a second to load and other commands skip it.
  const { summarizeDir } = await import("../stats/write-summary.js");
  const r = await summarizeDir(dir);
  if (!r.ok) throw new CliError(problemsText(r.problems), EXIT.badInput);
  const { summary, tornLine, duplicates, files } = r.value;
  const { total, ok, failed } = summary.runs;
  const points = summary.points.length;
  print(
    `${dir}: ${total} runs (${ok} ok, ${failed} failed) in ${points} design point${points === 1 ? "" : "s"}`,
  );
  if (tornLine) print("a torn last line of runs.ndjson (an interrupted write) was skipped");
  if (duplicates > 0)
    print(`${duplicates} repeated run id${duplicates === 1 ? "" : "s"}: the later line counted`);
  print("");
  const catalogues = await resultsCatalogues(dir);
  const rows: string[][] = [];
  for (const p of summary.points) {
    for (const name of summary.outcomes) {
      const s = p.outcomes[name]!;
      rows.push([
        `${p.scenario}/p${p.point}`,
        pointLabelText(p),
        name,
        unitOf(catalogues, name),
        String(s.n),
        String(p.failed),
        formatNumber(s.mean),
        formatNumber(s.ciLow),
        formatNumber(s.ciHigh),
        formatNumber(s.median),
      ]);
    }
  }
  print(
    renderTable(
      ["point", "labels", "outcome", "unit", "n", "failed", "mean", "ci95 low", "ci95 high", "median"],
      rows,
    ),
  );
  print(`\nwrote ${files.json} and ${files.csv}`);
}

/** Register `summarize` on a yargs instance. */
export function registerSummarize(y: Argv, print: (s: string) => void): Argv {
  return y.command(
    "summarize <results-dir>",
    "Recompute summary.json and summary.csv of a study from its runs.ndjson",
    (c) =>
      c.positional("results-dir", {
        type: "string",
        demandOption: true,
        describe: "a study's results directory (holds runs.ndjson)",
      }),
    (a) => summarizeCommand(a.resultsDir as string, print),
  );
}
