/** Text inside map SVGs: escaping and pixel coordinates. */

/** Escape text for SVG content and attribute values. */
export function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** One decimal, for pixel coordinates: a tenth of a pixel is below what a screen shows, and halves the file. */
export function round(v: number): string {
  return String(Math.round(v * 10) / 10);
}
