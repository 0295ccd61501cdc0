/**
 * The contract between a model and the rest of pamir: a model is a name, a params schema and a
 * pure `run(params, options) → result`. The CLI, studies and benches all go through this one path.
 */
import type { z } from "zod";
import type { OutcomeCatalogue } from "./outcomes.js";
import type { RegionMap } from "./region-map.js";

/** The map a run may receive is part of the contract; its types live with their documentation. */
export type { RegionInfo, RegionMap } from "./region-map.js";

/** How one run is asked for. */
export interface RunOptions {
  /** Run seed; every random stream derives from it. */
  seed: number;
  /** Number of ticks to run (the model may stop earlier). */
  ticks: number;
  /** The scenario's map, when it has one. */
  map?: RegionMap | undefined;
}

/** One column-oriented event log, as plain JSON (the engine recorder's format). */
export type { EventsJson } from "../engine/recorder.js";

import type { EventsJson } from "../engine/recorder.js";

/** What one run returns; plain data, serialisable to JSON byte-identically for a given seed. */
export interface RunResult {
  /** Ticks actually run. */
  ticks: number;
  /** End-of-run scalar outcomes, in a fixed order. */
  outcomes: Record<string, number>;
  /** Per-tick series (one value per tick run, after the tick). */
  series: Record<string, number[]>;
  /** Event log, when the model records events. */
  events?: EventsJson;
}

/**
 * A switch: a parameter that encodes one claim of the model, declared so that `pamir audit` can
 * run the scenario at both of its values and show what the claim changes. `path` is the
 * parameter's path under `params` (`detection.collusionLevel`, `security.TJ.units`); a boolean
 * switch is run at true and false, a choice at each value against the scenario's (or the first),
 * a range at its two ends.
 */
export type ModelSwitch = {
  /** Parameter path under `params`, dotted (list indexes as numbers: `organisations.0.lotKg`). */
  path: string;
  /** The claim the switch encodes, one sentence. */
  claim: string;
  /** Anything a reader of the audit should know (why these ends, what to expect). */
  note?: string | undefined;
  /**
   * A setting under which the claim has something to act on (a motive that can drift before asking
   * whether bands may trade abroad): where the scenario's own value differs, the audit also runs
   * the contrast with it held in both arms, and reports that conditional effect as such.
   */
  given?: { path: string; value: unknown } | undefined;
} & (
  | { kind: "boolean" }
  | { kind: "choice"; values: readonly unknown[] }
  | { kind: "range"; low: number; high: number }
);

/** A registered model. */
export interface ModelDefinition<P = unknown> {
  /** The name scenarios use in `model:`. */
  name: string;
  /** One line on what it is. */
  summary: string;
  /** Schema of `params:` (strict object with defaults). */
  params: z.ZodType<P>;
  /** Default horizon when a scenario gives no `ticks`. */
  defaultTicks: number;
  /** Whether the model reads a scenario `map:`. */
  usesMap: boolean;
  /** Cross-field checks the schema cannot express (e.g. agents fit the map); paths are under `params`. */
  check?(params: P, map: RegionMap | undefined): { path: (string | number)[]; message: string }[];
  /** What every outcome and series the model emits means: unit, meaning, direction, dimensions. */
  outcomes: OutcomeCatalogue;
  /** The parameters that encode the model's claims, for `pamir audit` (none when absent). */
  switches?: readonly ModelSwitch[] | undefined;
  /** Build a run ready to step (setup done, tick 0). Pure in (params, options). */
  setup(params: P, options: RunOptions): ModelRun;
}

/** A set-up run: step it (or run it to the horizon), then read its result. */
export interface ModelRun {
  /** The schedule; `run(n)` steps until n ticks are done or the model stops. */
  simulation: { tick: number; stopped: boolean; step(): void; run(maxTicks: number): number };
  /** Outcomes and series as they stand now. */
  result(): RunResult;
}
