/** The one table number format: properties over all doubles, and the cases people read most. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, TABLE_DIGITS } from "../../../src/core/number-format.js";

/** A table cell read back: unit and grouping dropped. */
function parse(text: string): number {
  const [number] = text.split(" ");
  if (number === "—") return Number.NaN;
  if (number!.endsWith("∞")) return number!.startsWith("-") ? -Infinity : Infinity;
  return Number(number!.replace(/,/g, ""));
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const digits = fc.integer({ min: 1, max: 17 });

describe("formatNumber", () => {
  it("reads back within half a unit of its last significant figure", () => {
    fc.assert(
      // Near the largest double, rounding up (2e+308) reads back as Infinity: kept below that.
      fc.property(fc.double({ min: -1e307, max: 1e307, noNaN: true }), digits, (v, d) => {
        const back = parse(formatNumber(v, { digits: d }));
        if (v === 0) return back === 0;
        // Whole numbers below 10¹⁵ are shown exactly; others to d figures, correctly rounded.
        // Reading the text back into a double rounds once more, by up to half an ulp (2⁻⁵³
        // relative): at 16–17 figures that is no longer small beside the rounding itself.
        const tolerance = Math.abs(v) * (0.5 * 10 ** (1 - d) + 2 ** -52);
        return Math.abs(back - v) <= tolerance;
      }),
      // Found by a CI run: 16 figures of a double near 10³⁰², rounded and read back.
      { examples: [[-1.1175187580439825e302, 16]] },
    );
  });

  it("keeps the sign, writes zero as 0 and whole numbers below 10¹⁵ exactly", () => {
    fc.assert(
      fc.property(finite, (v) => {
        const text = formatNumber(v);
        if (v === 0) return text === "0";
        return text.startsWith("-") === v < 0 && !text.slice(1).includes("-e") && text !== "-0";
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }),
        (n) => parse(formatNumber(n)) === n,
      ),
    );
    expect(formatNumber(-0)).toBe("0");
  });

  it("groups digits in threes and never writes an exponent between 10⁻⁶ and 10¹⁵", () => {
    const plain = fc.double({ min: 1e-6, max: 1e15, noNaN: true, maxExcluded: true });
    fc.assert(
      fc.property(plain, fc.boolean(), (v, negative) => {
        const text = formatNumber(negative ? -v : v);
        const int = text.replace(/^-/, "").split(".")[0]!;
        return !text.includes("e") && /^\d{1,3}(,\d{3})*$/.test(int);
      }),
    );
  });

  it("shows at most the stated significant figures, trailing zeros dropped", () => {
    fc.assert(
      fc.property(
        finite.filter((v) => v !== 0 && !Number.isInteger(v)),
        digits,
        (v, d) => {
          const text = formatNumber(v, { digits: d });
          const mantissa = text.replace(/^-/, "").split("e")[0]!.replace(/[,.]/g, "").replace(/^0+/, "");
          const significant = mantissa.replace(/0+$/, "");
          return significant.length <= d && !/\.\d*0(e|$)/.test(text);
        },
      ),
    );
  });

  it("writes no value, infinities, tiny and huge numbers, and units", () => {
    expect(formatNumber(Number.NaN, { unit: "kg" })).toBe("—");
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatNumber(-Infinity, { unit: "kg" })).toBe("-∞ kg");
    expect(formatNumber(88_750_000)).toBe("88,750,000");
    expect(formatNumber(88_754_321.7)).toBe("88,750,000");
    expect(formatNumber(1234.5678, { unit: "USD/kg" })).toBe("1,235 USD/kg");
    expect(formatNumber(0.000123456)).toBe("0.0001235");
    expect(formatNumber(1.5e-9)).toBe("1.5e-9");
    expect(formatNumber(-2.5e20)).toBe("-2.5e+20");
    expect(formatNumber(2 / 3, { digits: 2 })).toBe("0.67");
    expect(formatNumber(999_999.96)).toBe("1,000,000");
    expect(TABLE_DIGITS).toBe(4);
  });
});
