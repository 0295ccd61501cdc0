/**
 * Colour-blind-safe colours. Arms get the Okabe–Ito qualitative palette (Okabe & Ito 2008),
 * reordered so the first colours are dark enough for lines on white and yellow comes late;
 * map values get viridis (van der Walt & Smith 2015), light for low values and dark for high,
 * which stays ordered in greyscale print.
 */

/** Okabe–Ito, blue first; yellow last but one because thin yellow lines vanish on white. */
export const ARM_COLOURS = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#000000",
  "#F0E442",
] as const;

/** Colour of the i-th arm (wrapping after eight, when dashes and labels must tell arms apart). */
export function armColour(i: number): string {
  return ARM_COLOURS[i % ARM_COLOURS.length]!;
}

/** Six viridis classes, low (light yellow) to high (dark purple). */
export const MAP_CLASSES = ["#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154"] as const;

/** Fill of provinces without a value. */
export const NO_DATA = "#d9d9d9";

/** Fill of water cells on the stylised corridor map. */
export const WATER = "#b9d7ee";
