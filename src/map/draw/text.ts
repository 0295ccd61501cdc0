/** Text inside map SVGs: escaping and numbers for legends. */

/** Escape text for SVG content and attribute values. */
export function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A legend number: whole with thousands separators from 1,000 up, else at most two decimals. */
export function legendNumber(v: number): string {
  if (!Number.isFinite(v)) return "n/a";
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString("en-US") : (Math.round(v * 100) / 100).toString();
}

/** One decimal, for pixel coordinates: a tenth of a pixel is below what a screen shows, and halves the file. */
export function round(v: number): string {
  return String(Math.round(v * 10) / 10);
}
