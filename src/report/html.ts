/** HTML text helpers shared by every report section: escaping, number display, attributes. */
import { formatNumber } from "../core/number-format.js";
import { esc } from "../map/draw/text.js";

/** Escape text for HTML content and attribute values (the same escaping the map SVGs use). */
export { esc };

/**
 * A number for people, as every table of pamir shows it (core/number-format.ts): grouped digits,
 * four significant figures, the unit when given, "—" for no value. Exact values stay in `data-*`
 * attributes and in summary.csv.
 */
export function fmt(v: number, unit?: string): string {
  return formatNumber(v, { unit });
}

/** The exact form of a number for a `data-*` attribute: JavaScript's shortest round trip, as summary.csv writes it. */
export function exact(v: number): string {
  return Number.isFinite(v) ? String(v) : "";
}

/** `name="value"` pairs for a tag, values escaped, in the given order. */
export function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join("");
}

/** A one-line note saying what was left out and why. */
export function note(text: string): string {
  return `<p class="note">${esc(text)}</p>`;
}

/** A short id safe for `id` attributes, from any text (deterministic, so the file is reproducible). */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s === "" ? "x" : s;
}
