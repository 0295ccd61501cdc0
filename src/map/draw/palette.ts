/**
 * The colours of every province map, whoever draws it (`pamir map`, the report's small maps).
 * Countries get fixed fills where the country is known and colour-blind-safe qualitative fills
 * (Okabe–Ito, lightened) otherwise; values get viridis classes (van der Walt & Smith 2015), light
 * for low values and dark for high, which stays ordered in greyscale print.
 */

/** Fills of the countries the shipped worlds hold, so a country looks the same on every map. */
const COUNTRY_FILL: Readonly<Record<string, string>> = {
  AF: "#e9c893",
  TJ: "#a8d5a2",
  KG: "#f1aaa4",
  UZ: "#a7c7e7",
  KZ: "#cdb8e6",
  TM: "#e8dc94",
  CN: "#f3c09a",
  RU: "#c9c3b5",
};

/** Colour-blind-safe qualitative fills (Okabe–Ito, lightened) for countries not listed above. */
const OTHER_FILLS = ["#f0d49a", "#9fd3f0", "#a6dcc8", "#f5c59a", "#c9b3de", "#f7e3a3", "#b8c8e8", "#e6b8c8"];

/** Six viridis classes, low (light yellow) to high (dark purple). */
export const VALUE_CLASSES = ["#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154"] as const;

/** Fill of provinces without a value. */
export const NO_DATA = "#d9d9d9";

/** Fill of blocked cells (rivers, glaciers). */
export const WATER = "#b9d7ee";

/** Fill of the map's box where no modelled province lies. */
export const OUTSIDE = "#ececec";

/** Strokes and marks drawn over the provinces. */
export const INK = {
  provinceBorder: "#ffffff",
  countryBorder: "#333333",
  road: "#5a4632",
  official: "#b2182b",
  informal: "#e66101",
  market: "#08306b",
  label: "#222222",
} as const;

/** Fill of country `code`; `order` (its place among the map's countries) picks a fill for unlisted codes. */
export function countryFill(code: string, order: number): string {
  return COUNTRY_FILL[code] ?? OTHER_FILLS[order % OTHER_FILLS.length]!;
}

/** Lighten a colour (#rrggbb) towards white by `k` ∈ [0, 1], so neighbouring provinces of one country differ. */
export function lighten(c: string, k: number): string {
  const rgb = [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
  return `#${rgb
    .map((v) =>
      Math.round(v + (255 - v) * k)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** A province's fill by its country: the country's fill, lightened in four steps by province index. */
export function provinceFill(countryCode: string, countryOrder: number, province: number): string {
  return lighten(countryFill(countryCode, countryOrder), ((province * 7) % 4) * 0.12);
}
