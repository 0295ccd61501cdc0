/**
 * `pamir report <results-dir> [--out report.html]`: one self-contained HTML page (inline SVG and
 * CSS, nothing fetched) answering the study's question — comparison and regret tables first,
 * then maps, charts and the appendix. Default output: <results-dir>/report.html.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CliError, EXIT } from "../errors.js";
import { problemsText } from "../problems.js";
import { PAMIR_VERSION } from "../version.js";

export interface ReportArgs {
  resultsDir: string;
  out?: string | undefined;
  by?: string | undefined;
  within?: string | undefined;
  outcome?: string | undefined;
  lowerIsBetter?: boolean | undefined;
  higherIsBetter?: boolean | undefined;
}

/** Execute `pamir report`. */
export async function reportCommand(args: ReportArgs, print: (s: string) => void): Promise<void> {
  if (args.lowerIsBetter && args.higherIsBetter) {
    throw new CliError("--lower-is-better and --higher-is-better exclude each other", EXIT.badInput);
  }
  // Loaded here, not at the top: vega, vega-lite, d3-geo and mathjs take a second to load.
  const { buildReport } = await import("../../report/build.js");
  const r = await buildReport(args.resultsDir, {
    version: PAMIR_VERSION,
    by: args.by,
    within: args.within,
    outcome: args.outcome,
    direction: args.lowerIsBetter ? "lower-is-better" : args.higherIsBetter ? "higher-is-better" : undefined,
  });
  if (!r.ok) throw new CliError(problemsText(r.problems), EXIT.badInput);
  const out = args.out ?? join(args.resultsDir, "report.html");
  try {
    writeFileSync(out, r.value.html);
  } catch (err) {
    throw new CliError(
      `cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      EXIT.badInput,
    );
  }
  const { charts, maps, notes } = r.value;
  for (const n of notes) print(`left out: ${n}`);
  for (const w of r.value.warnings) process.stderr.write(`pamir: warning: ${w}\n`);
  const kb = Math.round(Buffer.byteLength(r.value.html) / 1024);
  print(
    `wrote ${out} (${kb} kB, ${charts} chart${charts === 1 ? "" : "s"}, ${maps} map${maps === 1 ? "" : "s"})`,
  );
}
