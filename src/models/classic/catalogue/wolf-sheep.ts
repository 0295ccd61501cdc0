/**
 * What the wolf–sheep model's outcomes and series mean (models/classic/wolf-sheep.ts, docs/model.md).
 * A validation model: no posture is evaluated on it, so no outcome has a better side.
 */
import { type OutcomeCatalogue, spec } from "../../../core/outcomes.js";

/** The wolf–sheep model's catalogue. */
export const wolfSheepCatalogue: OutcomeCatalogue = {
  model: "wolf-sheep",
  version: "1",
  outcomes: [
    spec("ticks", "ticks", "none", "Ticks run."),
    spec("sheep", "sheep", "none", "Sheep alive at the end."),
    spec("wolves", "wolves", "none", "Wolves alive at the end."),
    spec("grass_share", "share 0–1", "none", "Share of cells with grown grass at the end."),
    spec("sheep_peak", "sheep", "none", "Most sheep alive at once, the start included."),
    spec("wolves_peak", "wolves", "none", "Most wolves alive at once, the start included."),
    spec("sheep_eaten", "sheep", "none", "Sheep eaten by wolves over the run."),
    spec("sheep_born", "sheep", "none", "Lambs born over the run."),
    spec("wolves_born", "wolves", "none", "Wolf cubs born over the run."),
  ],
  series: [
    spec("sheep", "sheep", "none", "Sheep alive after the tick."),
    spec("wolves", "wolves", "none", "Wolves alive after the tick."),
    spec("grass_share", "share 0–1", "none", "Share of cells with grown grass after the tick."),
  ],
};
