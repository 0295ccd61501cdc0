/** `pamir summarize <results-dir>`: recompute summary.json and summary.csv from runs.ndjson. */
import { CaveatTally, intervalCaveats } from "../../stats/interval-caveats.js";
import { pointLabelText } from "../../stats/labels.js";
import { CliError, EXIT } from "../errors.js";
import { resultsCatalogues, unitOf } from "../outcomes/catalogues.js";
import { problemsText } from "../problems.js";
import { formatNumber, renderTable } from "../table.js";

/** Execute `pamir summarize`. */
export async function summarizeCommand(dir: string, print: (s: string) => void): Promise<void> {
  // Loaded here, not at the top: mathjs takes most of a second to load and other commands skip it.
  const { summarizeDir } = await import("../../stats/write-summary.js");
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
  const caveats = new CaveatTally();
  for (const p of summary.points) {
    for (const name of summary.outcomes) {
      const s = p.outcomes[name]!;
      rows.push([
        `${p.scenario}/p${p.point}`,
        pointLabelText(p),
        name,
        unitOf(catalogues, name),
        formatNumber(s.n),
        formatNumber(p.failed),
        formatNumber(s.mean),
        formatNumber(s.ciLow),
        formatNumber(s.ciHigh),
        formatNumber(s.median),
        caveats.add(intervalCaveats(s)),
      ]);
    }
  }
  print(
    renderTable(
      [
        "point",
        "labels",
        "outcome",
        "unit",
        "n",
        "failed",
        "mean",
        "ci95 low",
        "ci95 high",
        "median",
        "note",
      ],
      rows,
    ),
  );
  for (const n of caveats.notes()) print(n);
  for (const w of caveats.warnings()) process.stderr.write(`pamir: warning: ${w}\n`);
  print(`\nwrote ${files.json} and ${files.csv}`);
}
