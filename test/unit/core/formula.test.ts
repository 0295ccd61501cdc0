import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CompiledFormula,
  compileFormula,
  DISABLED_FUNCTIONS,
  type FormulaError,
  formulaMath,
} from "../../../src/core/formula.js";

const INPUTS = ["profit", "risk", "fighters", "cash"] as const;

function compiled(source: string, inputs: readonly string[] = INPUTS): CompiledFormula {
  const r = compileFormula(source, inputs);
  if (!r.ok)
    throw new Error(`unexpected refusal of ${source}: ${r.problems[0]!.message} at ${r.problems[0]!.path}`);
  return r.value;
}

function refused(source: string, inputs: readonly string[] = INPUTS): FormulaError {
  const r = compileFormula(source, inputs);
  if (r.ok) throw new Error(`${source} was compiled but must be refused`);
  return r.problems[0] as FormulaError;
}

describe("formula compiler: refused", () => {
  // mathjs's own security guidance names these; each is refused by name, before anything runs.
  const disabled: [string, string][] = [
    ["import", "import({ add: 1 }, { override: true })"],
    ["createUnit", 'createUnit("fighter")'],
    ["evaluate", 'evaluate("profit")'],
    ["parse", 'parse("1 + 1")'],
    ["simplify", 'simplify("profit + profit")'],
    ["derivative", 'derivative("profit^2", "profit")'],
    ["compile", 'compile("1")'],
    ["resolve", "resolve(profit)"],
    ["reviver", "reviver()"],
  ];
  for (const [name, source] of disabled) {
    it(`refuses ${name}`, () => {
      const e = refused(source);
      expect(e.path).toBe(name);
      expect(e.message).toContain(`"${name}" is disabled`);
    });
  }

  it("refuses every disabled function even with plain number arguments", () => {
    for (const name of DISABLED_FUNCTIONS) expect(refused(`${name}(1)`).path).toBe(name);
  });

  it("refuses variable assignment", () => {
    const e = refused("profit = 1");
    expect(e.message).toMatch(/assignment/);
    expect(e.path).toBe("profit = 1");
  });

  it("refuses function assignment (definitions)", () => {
    const e = refused("f(x) = x ^ 2");
    expect(e.message).toMatch(/function definition/);
    expect(e.path).toMatch(/^f\(x\)/);
  });

  it("refuses names that are not among the inputs", () => {
    const e = refused("profit - bribes");
    expect(e.path).toBe("bribes");
    expect(e.message).toMatch(/unknown name "bribes".*profit, risk, fighters, cash/);
  });

  it("refuses mathjs functions outside the allow-list (impure, matrix, trig)", () => {
    for (const name of ["random", "pickRandom", "matrix", "cos", "format", "typeOf", "config"]) {
      const e = refused(`${name}(profit)`);
      expect(e.path).toBe(name);
      expect(e.message).toMatch(/not allowed/);
    }
  });

  it("refuses mathjs constants and units outside the allow-list", () => {
    for (const [source, at] of [
      ["Infinity * risk", "Infinity"],
      ["5 cm", "cm"],
      ["i * risk", "i"],
      ["NaN", "NaN"],
    ]) {
      expect(refused(source!).path).toBe(at);
    }
  });

  it("refuses property and index access (no way to reach constructors)", () => {
    expect(refused('profit["constructor"]').message).toMatch(/accessor/);
    expect(refused("profit.constructor").message).toMatch(/accessor/);
    expect(refused("profit[1]").message).toMatch(/accessor/);
  });

  it("refuses arrays, objects, ranges, blocks and strings", () => {
    expect(refused("max([profit, risk])").message).toMatch(/array/);
    expect(refused("{a: profit}").message).toMatch(/object/);
    expect(refused("1:3").message).toMatch(/range/);
    expect(refused("profit; risk").message).toMatch(/block/);
    expect(refused('"text"').message).toMatch(/only numbers/);
    expect(refused("true").message).toMatch(/only numbers/);
  });

  it("refuses a function used as a value, and wrong argument counts", () => {
    expect(refused("max + 1").message).toMatch(/must be called/);
    expect(refused("pow(profit)")).toEqual({
      kind: "formula",
      message: 'function "pow" takes 2 arguments, got 1',
      path: "pow",
    });
    expect(refused("min()").path).toBe("min");
  });

  it("refuses operators outside arithmetic, comparison and logic", () => {
    for (const [source, at] of [
      ["profit!", "!"],
      ["profit'", "'"],
      ["profit & 1", "&"],
      ["profit << 1", "<<"],
      ["profit to risk", "to"],
      ["profit .* risk", ".*"],
    ]) {
      expect(refused(source!).path).toBe(at);
    }
  });

  it("refuses syntax errors, naming the token where parsing stopped", () => {
    expect(refused("profit + * risk")).toMatchObject({ path: "*" });
    expect(refused("profit +").message).toMatch(/^syntax:/);
    expect(refused("   ")).toEqual({ kind: "formula", message: "formula is empty", path: "" });
    expect(refused(`profit${" + 1".repeat(600)}`).message).toMatch(/longer than/);
  });

  it("refuses bad input names: reserved, duplicated or not identifiers", () => {
    expect(compileFormula("1", ["e"])).toMatchObject({ ok: false, problems: [{ path: "e" }] });
    expect(compileFormula("1", ["max"])).toMatchObject({ ok: false, problems: [{ path: "max" }] });
    expect(compileFormula("1", ["import"])).toMatchObject({ ok: false, problems: [{ path: "import" }] });
    expect(compileFormula("1", ["and"])).toMatchObject({ ok: false, problems: [{ path: "and" }] });
    expect(compileFormula("1", ["a", "a"])).toMatchObject({ ok: false, problems: [{ message: /twice/ }] });
    expect(compileFormula("1", ["a b"])).toMatchObject({ ok: false, problems: [{ message: /identifier/ }] });
  });

  // Object.prototype's names are not allowed functions: the allow-list is looked up by own property only.
  it("refuses Object.prototype names as functions and as inputs, located at the name", () => {
    const names = [
      "constructor",
      "toString",
      "__proto__",
      "hasOwnProperty",
      "valueOf",
      "isPrototypeOf",
      "propertyIsEnumerable",
      "toLocaleString",
      "__defineGetter__",
      "__lookupGetter__",
    ];
    for (const name of names) {
      for (const source of [`${name}(1)`, `${name}()`, `profit + ${name}(profit, 2)`]) {
        const e = refused(source);
        expect(e.path, source).toBe(name);
        expect(e.message, source).toBe(`function "${name}" is not allowed`);
      }
      expect(refused(`${name} + 1`).message).toMatch(/unknown name/);
    }
    // An input may be called like an Object.prototype name: it shadows nothing in the allow-list.
    expect(compiled("valueOf * 2", ["valueOf"]).evaluate([3])).toEqual({ ok: true, value: 6 });
  });

  it("runs on a mathjs instance whose dangerous functions throw (defence in depth)", () => {
    const math = formulaMath() as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of DISABLED_FUNCTIONS) expect(() => math[name]!("1")).toThrow(/disabled/);
  });
});

describe("formula compiler: computes", () => {
  const cases: [string, (p: number, r: number, f: number, c: number) => number][] = [
    ["profit * 2 - risk ^ 2", (p, r) => p * 2 - r ** 2],
    ["-profit + +risk", (p, r) => -p + r],
    ["(profit + cash) / (1 + abs(risk))", (p, r, _f, c) => (p + c) / (1 + Math.abs(r))],
    ["max(profit, risk, 3) - min(fighters, cash)", (p, r, f, c) => Math.max(p, r, 3) - Math.min(f, c)],
    [
      "exp(-risk * 0.1) * log(1 + abs(cash))",
      (_p, r, _f, c) => Math.exp(-r * 0.1) * Math.log(1 + Math.abs(c)),
    ],
    ["sqrt(abs(profit)) + pow(abs(risk), 1.5)", (p, r) => Math.sqrt(Math.abs(p)) + Math.abs(r) ** 1.5],
    ["profit > risk ? fighters : cash", (p, r, f, c) => (p > r ? f : c)],
    ["profit > risk and fighters > 0", (p, r, f) => (p > r && f > 0 ? 1 : 0)],
    ["2 pi + e * risk", (_p, r) => 2 * Math.PI + Math.E * r],
    // mathjs rounds halves away from zero (Math.round rounds them up).
    [
      "floor(profit) + ceil(risk) + round(cash) + sign(fighters)",
      (p, r, f, c) => Math.floor(p) + Math.ceil(r) + Math.sign(c) * Math.round(Math.abs(c)) + Math.sign(f),
    ],
    // mod is the floored modulo (the result takes the divisor's sign), unlike JS's %.
    ["mod(profit, 7) + risk % 3", (p, r) => p - 7 * Math.floor(p / 7) + (r - 3 * Math.floor(r / 3))],
    [
      "tanh(profit / 100) + log10(1 + abs(cash)) + hypot(profit, risk)",
      (p, r, _f, c) => Math.tanh(p / 100) + Math.log10(1 + Math.abs(c)) + Math.hypot(p, r),
    ],
    ["0 < risk < 1", (_p, r) => (0 < r && r < 1 ? 1 : 0)],
  ];
  const value = fc.double({ min: -1000, max: 1000, noNaN: true }).map((x) => Math.round(x * 1000) / 1000);

  for (const [source, js] of cases) {
    it(`${source} equals plain JS (property)`, () => {
      const f = compiled(source);
      fc.assert(
        fc.property(value, value, value, value, (p, r, fi, c) => {
          const out = f.evaluate(Float64Array.of(p, r, fi, c));
          const want = js(p, r, fi, c);
          expect(out.ok).toBe(true);
          if (out.ok) expect(out.value).toBeCloseTo(want, 9);
          // By name gives the same.
          expect(f.evaluate({ profit: p, risk: r, fighters: fi, cash: c })).toEqual(out);
        }),
        { numRuns: 200 },
      );
    });
  }

  it("reports a non-finite result as an error value, never a throw", () => {
    const f = compiled("profit / risk + log(cash) + sqrt(fighters)");
    expect(f.evaluate([1, 0, 1, 1])).toEqual({
      ok: false,
      problems: [{ kind: "formula", message: "formula gave Infinity, not a finite number", path: f.source }],
    });
    expect(f.evaluate([1, 1, 1, -1])).toMatchObject({ ok: false, problems: [{ message: /NaN/ }] });
    expect(f.evaluate([1, 1, -4, 1])).toMatchObject({ ok: false, problems: [{ message: /NaN/ }] });
    expect(f.evaluate([1, 1, 4, 1])).toEqual({ ok: true, value: 3 });
  });

  it("reports a missing input by name", () => {
    const f = compiled("profit + cash", ["profit", "cash"]);
    expect(f.evaluate({ profit: 1 })).toEqual({
      ok: false,
      problems: [{ kind: "formula", message: 'input "cash" is missing', path: "cash" }],
    });
    expect(f.evaluate([1])).toMatchObject({ ok: false, problems: [{ path: "cash" }] });
    expect(f.evaluate([1, 2])).toEqual({ ok: true, value: 3 });
  });
});
