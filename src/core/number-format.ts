/**
 * The one way a table shows a number, in the terminal and in the report alike: grouped digits
 * (88,750,000), a fixed number of significant figures with trailing zeros dropped, whole numbers
 * exactly, the unit after a space when known. Plain positional notation from 10⁻⁶ to 10¹⁵, so a
 * column never mixes 88,750,000 with 8.875e+7; beyond, scientific notation, which no outcome of
 * the shipped models reaches. The sign is an ASCII minus, so a copied cell parses as a number.
 */

/** Significant figures a table shows unless told otherwise. */
export const TABLE_DIGITS = 4;

/** Below this magnitude and from `LARGE` up, a number is written in scientific notation. */
const SMALL = 1e-6;
const LARGE = 1e15;

/** How to show one number. */
export interface NumberFormat {
  /** Significant figures (1–21; default 4). Whole numbers below 10¹⁵ are shown exactly. */
  digits?: number | undefined;
  /** Unit written after the number ("kg", "USD/kg"); none when unknown. */
  unit?: string | undefined;
}

/** Digits with a comma every three places. */
function grouped(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `abs` (finite, > 0) without a sign: positional with grouped digits, or scientific at the extremes. */
function magnitude(abs: number, digits: number): string {
  if (abs < SMALL || abs >= LARGE) {
    const [mantissa, exponent] = abs.toExponential(digits - 1).split("e");
    return `${stripZeros(mantissa!)}e${exponent}`;
  }
  if (Number.isInteger(abs)) return grouped(String(abs));
  const rounded = abs.toPrecision(digits);
  // toPrecision writes an exponent once the integer part has more digits than asked: then the
  // rounded number is whole and below 10¹⁵, so String gives its plain digits.
  const plain = rounded.includes("e") ? String(Number(rounded)) : stripZeros(rounded);
  const [int, frac] = plain.split(".");
  return frac === undefined ? grouped(int!) : `${grouped(int!)}.${frac}`;
}

/** "1.500" → "1.5", "2.000" → "2"; text without a decimal point is left as it is. */
function stripZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/**
 * A number for a table: "—" for NaN (no value), "∞"/"-∞", "0" for either zero, else grouped
 * digits at `digits` significant figures, then the unit.
 */
export function formatNumber(v: number, format: NumberFormat = {}): string {
  if (Number.isNaN(v)) return "—";
  const digits = Math.min(21, Math.max(1, Math.round(format.digits ?? TABLE_DIGITS)));
  const text =
    v === 0 ? "0" : `${v < 0 ? "-" : ""}${Number.isFinite(v) ? magnitude(Math.abs(v), digits) : "∞"}`;
  return format.unit ? `${text} ${format.unit}` : text;
}
