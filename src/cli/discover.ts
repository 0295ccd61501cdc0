/**
 * `pamir discover <results-dir> --where "<condition>" [--peel α] [--paste α] [--min-support m]
 * [--box N] [--json]`: PRIM scenario discovery over a study's range factors — the peeling and
 * pasting trajectory, the chosen box with a quasi-p-value per restricted limit; writes
 * discover.json and discover.csv into the results folder.
 */
import type { Argv } from "yargs";
import type { DiscoverReport } from "../stats/prim/discover.js";
import { CliError, EXIT } from "./errors.js";
import { catalogueDirections, resultsCatalogues } from "./outcomes/catalogues.js";
import { problemsText } from "./problems.js";
import { formatNumber as f, renderTable } from "./table.js";

interface DiscoverArgs {
  resultsDir: string;
  where: string;
  peel: number;
  paste: number;
  minSupport: number;
  box?: number | undefined;
  json?: boolean | undefined;
}

const p = (v: number | null) =>
  v === null ? "—" : v === 0 ? "< 1e-300" : v < 1e-4 ? v.toExponential(1) : f(v);

/** The report as printed lines: the cases, the trajectory, the chosen box. */
export function formatDiscover(r: DiscoverReport): string[] {
  const out = [
    `where ${r.where}: ${r.cases} cases (each replicate one), ${r.casesOfInterest} of interest` +
      `${r.dropped > 0 ? `, ${r.dropped} left out for a missing run or value` : ""}.`,
    `PRIM peeling ${r.options.peel}, pasting ${r.options.paste}, minimum support ${r.options.minSupport}:`,
    "",
  ];
  const rows = r.trajectory.map((s) => [
    String(s.step) + (s.step === r.chosen.step ? " *" : ""),
    s.phase,
    f(s.coverage),
    f(s.density),
    f(s.mass),
    String(s.restricted),
  ]);
  out.push(renderTable(["step", "phase", "coverage", "density", "mass", "restricted"], rows), "");
  const c = r.chosen;
  out.push(
    `Box (step ${c.step}, ${c.rule}): coverage ${f(c.coverage)}, density ${f(c.density)}, mass ${f(c.mass)} (${c.k} of ${c.n} cases).`,
  );
  if (c.restrictions.length > 0) {
    const box = c.restrictions.map((x) => [x.factor, f(x.min), f(x.max), p(x.pLower), p(x.pUpper)]);
    out.push(renderTable(["factor", "min", "max", "quasi-p min", "quasi-p max"], box));
  } else out.push("No factor is restricted: the condition's cases are spread over the whole design.");
  if (c.unrestricted.length > 0) out.push(`Unrestricted: ${c.unrestricted.join(", ")}.`);
  return out;
}

function checkArgs(a: DiscoverArgs): void {
  const bad = (m: string) => new CliError(m, EXIT.badInput);
  if (typeof a.where !== "string" || a.where.trim() === "") throw bad("--where needs a condition");
  for (const [k, v] of [
    ["peel", a.peel],
    ["paste", a.paste],
  ] as const)
    if (!(v > 0 && v < 0.5)) throw bad(`--${k} must be a number between 0 and 0.5`);
  if (!(a.minSupport > 0 && a.minSupport < 1)) throw bad("--min-support must be a number between 0 and 1");
  if (a.box !== undefined && !(Number.isInteger(a.box) && a.box >= 0))
    throw bad("--box must be a step number ≥ 0");
}

/** Execute `pamir discover`. */
export async function discoverCommand(args: DiscoverArgs, print: (s: string) => void): Promise<void> {
  checkArgs(args);
  const dir = args.resultsDir;
  // Loaded here, not at the top: the statistics and the formula compiler pull in mathjs.
  const { loadRuns } = await import("../stats/write-summary.js");
  const { outcomeNames } = await import("../stats/labels.js");
  const { discoverBox } = await import("../stats/prim/discover.js");
  const { writeDiscover } = await import("../stats/prim/files.js");
  const { openDiscoverSpace } = await import("./results-inputs.js");
  const read = await loadRuns(dir);
  if (!read.ok) throw new CliError(problemsText(read.problems), EXIT.badInput);
  const space = openDiscoverSpace(dir);
  if (!space.ok) throw new CliError(problemsText(space.problems), EXIT.badInput);
  const outcomes = outcomeNames(read.value.rows.filter((r) => r.status === "ok"));
  const r = discoverBox(
    read.value.rows,
    args.where,
    { ...space.space, outcomes, directionOf: catalogueDirections(await resultsCatalogues(dir)) },
    { peelAlpha: args.peel, pasteAlpha: args.paste, massMin: args.minSupport, step: args.box },
  );
  if (!r.ok) throw new CliError(`${dir}: ${problemsText(r.problems)}`, EXIT.badInput);
  const written = await writeDiscover(dir, r.value);
  if (!written.ok) throw new CliError(problemsText(written.problems), EXIT.runFailed);
  if (args.json) {
    print(JSON.stringify(r.value, null, 2));
    return;
  }
  for (const l of formatDiscover(r.value)) print(l);
  print("");
  print(`wrote ${written.files.json} and ${written.files.csv}`);
}

/** Register `discover` on a yargs instance. */
export function registerDiscover(y: Argv, print: (s: string) => void): Argv {
  return y.command(
    "discover <results-dir>",
    "Scenario discovery: the box of range-factor values where a condition on the outcomes holds (PRIM)",
    (c) =>
      c
        .positional("results-dir", {
          type: "string",
          demandOption: true,
          describe: "a study's results directory",
        })
        .option("where", {
          type: "string",
          demandOption: true,
          describe:
            'condition on outcomes, e.g. "delivered_kg < 500", "x[posture=drill] < x[posture=route]" or "regret(x, posture=drill) < 2" (docs/methods.md)',
        })
        .option("peel", {
          type: "number",
          default: 0.05,
          describe: "share of the box's cases one peel removes",
        })
        .option("paste", {
          type: "number",
          default: 0.05,
          describe: "share of the cases beyond a limit one paste adds",
        })
        .option("min-support", {
          type: "number",
          default: 0.05,
          describe: "smallest box mass (share of all cases)",
        })
        .option("box", { type: "number", describe: "report this step of the trajectory as the box" })
        .option("json", { type: "boolean", default: false, describe: "print the report as JSON" }),
    (a) => discoverCommand(a as unknown as DiscoverArgs, print),
  );
}
