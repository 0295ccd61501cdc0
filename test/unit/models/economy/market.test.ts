/** Market prices: fall with oversupply, rise after a seizure shock, always finite and inside the band. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MARKET_DEFAULTS, Market, marketPrice } from "../../../../src/models/economy/market.js";

const TJ = { demandKgPerDay: 10, basePriceUsdPerKg: 2450, elasticity: 0.3 };

describe("Market", () => {
  it("starts at the base price and stays there while supply equals demand", () => {
    const m = new Market(TJ);
    expect(m.price).toBe(2450);
    for (let d = 0; d < 60; d++) {
      m.deliver(10);
      expect(m.closeDay()).toBeCloseTo(2450, 9);
    }
  });

  it("falls when supply rises above demand", () => {
    const m = new Market(TJ);
    let last = m.price;
    for (let d = 0; d < 10; d++) {
      m.deliver(12);
      const p = m.closeDay();
      expect(p).toBeLessThan(last);
      last = p;
    }
  });

  it("rises after a seizure shock (less delivered), and by more for a bigger shock", () => {
    const a = new Market(TJ);
    const b = new Market(TJ);
    for (let d = 0; d < 5; d++) {
      a.deliver(9);
      b.deliver(5);
      a.closeDay();
      b.closeDay();
    }
    expect(a.price).toBeGreaterThan(2450);
    expect(b.price).toBeGreaterThan(a.price);
  });

  it("smooths over the window: one empty day moves the price by a window's share only", () => {
    const m = new Market(TJ);
    m.closeDay(); // nothing delivered today
    expect(m.smoothedSupply()).toBeCloseTo(10 * (1 - 1 / MARKET_DEFAULTS.windowDays));
    expect(m.price).toBeCloseTo(2450 * (1 - 1 / MARKET_DEFAULTS.windowDays) ** (-1 / 0.3));
  });

  it("adds the risk premium multiplicatively", () => {
    expect(marketPrice(TJ, 10, 0.2, 3)).toBeCloseTo(2450 * 1.2);
  });

  it("rejects negative or non-finite deliveries and premiums", () => {
    const m = new Market(TJ);
    expect(() => m.deliver(-1)).toThrow(RangeError);
    expect(() => m.deliver(Number.NaN)).toThrow(RangeError);
    expect(() => m.closeDay(-0.1)).toThrow(RangeError);
    expect(() => new Market({ ...TJ, elasticity: 0 })).toThrow(RangeError);
  });

  it("is never negative, never NaN, always within [base / band, base × band]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        (deliveries, premium, elasticity) => {
          const m = new Market({ ...TJ, elasticity });
          for (const kg of deliveries) {
            m.deliver(kg);
            const p = m.closeDay(premium);
            expect(Number.isFinite(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(2450 / MARKET_DEFAULTS.band);
            expect(p).toBeLessThanOrEqual(2450 * MARKET_DEFAULTS.band);
          }
        },
      ),
    );
  });
});
