/**
 * Everything the report's sections share: the results, the arms, cached statistics, which
 * outcomes to show and which one decides the regret table. Choices are made here once, so every
 * section agrees on them.
 */
import { failure, problem, type Result } from "../core/problems.js";
import { outcomeNames } from "../stats/labels.js";
import { type StudySummary, summarizeRuns } from "../stats/points.js";
import type { Direction } from "../stats/regret.js";
import { type Arms, chooseArms } from "./arms.js";
import { StatsCache } from "./cell-stats.js";
import { note } from "./html.js";
import type { ResultsData } from "./load.js";
import { keyOutcomes, type OutcomeInfo, outcomeInfo, REGRET_PREFERENCE } from "./outcomes.js";

/** What the user may choose on the command line. */
export interface ReportChoices {
  /** Factor compared (default: posture, else the study's last categorical factor). */
  by?: string | undefined;
  /** Factor compared within (default: motive, else the study's first other categorical factor). */
  within?: string | undefined;
  /** Outcome of the regret table (default: the first of REGRET_PREFERENCE present). */
  outcome?: string | undefined;
  /** Which way that outcome is good, for outcomes the report does not know. */
  direction?: Direction | undefined;
}

/** The shared state of one report. */
export interface ReportContext {
  data: ResultsData;
  /** Per design point statistics: summary.json, or computed from the runs when it is missing or stale. */
  summary: StudySummary;
  arms: Arms;
  stats: StatsCache;
  /** Every outcome name the runs carry, sorted. */
  outcomes: string[];
  /** Outcomes of the comparison table and distribution charts, in table order. */
  chosen: OutcomeInfo[];
  /** True when none of the key outcomes were present and `chosen` is the study's own first few. */
  fallback: boolean;
  /** Outcome and direction of the regret table, if one could be chosen. */
  regret: (OutcomeInfo & { direction: Direction }) | undefined;
  /** Sections or parts left out, one line each (shown in place and listed in the appendix). */
  notes: string[];
  /** Charts and maps drawn so far (numbers their ids, so ids are unique and reproducible). */
  charts: number;
  maps: number;
}

/** How many outcomes a study without key outcomes shows in the comparison table. */
const FALLBACK_OUTCOMES = 6;

/** Build the context, or say in one line which choice is impossible. */
export function buildContext(data: ResultsData, choices: ReportChoices): Result<ReportContext> {
  const arms = chooseArms(data.rows, data.manifest, choices);
  if (!arms.ok) return arms;
  const outcomes = outcomeNames(data.rows);
  const catalogues = data.catalogues;
  let chosen = keyOutcomes(catalogues).filter((o) => outcomes.includes(o.name));
  const fallback = chosen.length === 0;
  if (fallback) {
    // Plain names first: dotted ones (per market, per province) come in families too long for a table.
    const plain = outcomes.filter((o) => !o.includes("."));
    chosen = (plain.length > 0 ? plain : outcomes)
      .slice(0, FALLBACK_OUTCOMES)
      .map((o) => outcomeInfo(o, catalogues));
  }
  let regret: ReportContext["regret"];
  if (choices.outcome !== undefined) {
    if (!outcomes.includes(choices.outcome)) {
      return failure(
        problem(
          "option",
          "",
          `--outcome: no outcome "${choices.outcome}" in the runs; outcomes: ${outcomes.join(", ")}`,
        ),
      );
    }
    const info = outcomeInfo(choices.outcome, catalogues);
    const direction = choices.direction ?? info.direction;
    if (!direction) {
      return failure(
        problem(
          "option",
          "",
          `--outcome ${choices.outcome}: say which way it is good with --lower-is-better or --higher-is-better`,
        ),
      );
    }
    regret = { ...info, direction };
    if (!chosen.some((o) => o.name === info.name)) chosen = [info, ...chosen];
  } else {
    const name = REGRET_PREFERENCE.find((n) => outcomes.includes(n));
    if (name) {
      const info = outcomeInfo(name, catalogues);
      regret = { ...info, direction: choices.direction ?? info.direction! };
    }
  }
  const summary = data.summary ?? summarizeRuns(data.rows);
  return {
    ok: true,
    value: {
      data,
      summary,
      arms: arms.value,
      stats: new StatsCache(summary),
      outcomes,
      chosen,
      fallback,
      regret,
      notes: [],
      charts: 0,
      maps: 0,
    },
  };
}

/** Record a note and return it as a paragraph for its section. */
export function leftOut(ctx: ReportContext, text: string): string {
  ctx.notes.push(text);
  return note(text);
}
