/** HTML text helpers shared by every report section: escaping, number display, attributes. */
import { esc } from "../map/draw/text.js";

/** Escape text for HTML content and attribute values (the same escaping the map SVGs use). */
export { esc };

/** Digits with a comma every three places, for the integer part of a display number. */
function grouped(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A number for people: NaN as "—"; from 100 up, whole with thousands separators (a kilogram or a
 * dollar more is noise at that size); below, three significant digits. Exact values stay in
 * `data-*` attributes and in summary.csv.
 */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return "—";
  const abs = Math.abs(v);
  if (abs >= 1e15) return v.toExponential(2);
  if (abs >= 100) {
    const r = Math.round(abs);
    return `${v < 0 ? "−" : ""}${grouped(String(r))}`;
  }
  if (abs === 0) return "0";
  const s = String(Number(abs.toPrecision(3)));
  const text = s.includes("e") ? abs.toExponential(2) : s;
  return `${v < 0 ? "−" : ""}${text}`;
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
