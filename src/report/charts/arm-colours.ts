/**
 * Colour-blind-safe colours of the arms: the Okabe–Ito qualitative palette (Okabe & Ito 2008),
 * reordered so the first colours are dark enough for lines on white and yellow comes late. Map
 * colours are the province-map renderer's (`map/draw/palette.ts`).
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
