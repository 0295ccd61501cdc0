/**
 * Restricted formula compiler: a scenario may give a utility as a formula over named numeric
 * inputs ("profit * 2 - risk ^ 2"). It is parsed and compiled once with mathjs 15, following
 * mathjs's own security guidance (docs "Security"): a separate instance made with `create(all)`
 * whose `import`, `createUnit`, `evaluate`, `parse`, `simplify`, `derivative`, `compile`,
 * `resolve` and `reviver` are overridden to throw, and the parsed tree is walked before anything
 * is compiled, allowing only number constants, the given inputs, the constants pi and e,
 * arithmetic/comparison/logical operators, conditionals, parentheses and an allow-list of pure
 * math functions called with the right number of arguments. Everything else is refused with
 * a `formula` problem whose path is the offending token. Evaluation never throws: a result that
 * is not a finite number comes back as a problem too.
 */
import { createRequire } from "node:module";
import type * as MathJs from "mathjs";
import type { MathNode } from "mathjs";
import { failure, type ProblemOf, problem, type Result } from "./problems.js";

// mathjs is loaded on the first formula, not at import: the full build costs ~90 MB per thread,
// and every study worker imports the model registry, while few scenarios use formulas.
const requireMathJs = (): typeof MathJs => createRequire(import.meta.url)("mathjs") as typeof MathJs;

/** Why a formula was refused or failed; its path is the offending token (or the formula). */
export type FormulaError = ProblemOf<"formula">;

/** Outcome of compiling or evaluating: a value, or the problem as data. */
export type FormulaResult<T> = Result<T>;

/** A compiled formula: evaluate it as often as needed. */
export interface CompiledFormula {
  /** The formula text. */
  readonly source: string;
  /** Input names, in the order `evaluate` reads an array. */
  readonly inputs: readonly string[];
  /** Value for inputs given in `inputs` order (array) or by name (record). */
  evaluate(values: ArrayLike<number> | Readonly<Record<string, number>>): FormulaResult<number>;
}

/** Allowed functions and how many arguments each takes [min, max]. */
export const FORMULA_FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  abs: [1, 1],
  cbrt: [1, 1],
  ceil: [1, 1],
  exp: [1, 1],
  expm1: [1, 1],
  floor: [1, 1],
  hypot: [1, 64],
  log: [1, 2],
  log10: [1, 1],
  log1p: [1, 1],
  log2: [1, 1],
  max: [1, 64],
  min: [1, 64],
  mod: [2, 2],
  pow: [2, 2],
  round: [1, 1],
  sign: [1, 1],
  sqrt: [1, 1],
  tanh: [1, 1],
};

/** The [min, max] arguments of allowed function `name`: own entries only, never Object.prototype's. */
function arityOf(name: string): readonly [number, number] | undefined {
  return Object.hasOwn(FORMULA_FUNCTIONS, name) ? FORMULA_FUNCTIONS[name] : undefined;
}

/** Allowed named constants. */
export const FORMULA_CONSTANTS: readonly string[] = ["pi", "e"];

/** mathjs's names of the allowed operators: + - * / ^ unary ± mod/% comparisons and/or/xor/not. */
const OPERATORS = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "unaryMinus",
  "unaryPlus",
  "mod",
  "larger",
  "smaller",
  "largerEq",
  "smallerEq",
  "equal",
  "unequal",
  "and",
  "or",
  "xor",
  "not",
]);
const COMPARISONS = new Set(["larger", "smaller", "largerEq", "smallerEq", "equal", "unequal"]);

/** Functions mathjs's security guidance says to disable, plus the other code-reaching ones. */
export const DISABLED_FUNCTIONS: readonly string[] = [
  "import",
  "createUnit",
  "evaluate",
  "parse",
  "simplify",
  "derivative",
  "compile",
  "resolve",
  "reviver",
];

/** Words the mathjs parser treats as operators or literals, unusable as input names. */
const KEYWORDS = new Set(["and", "or", "xor", "not", "mod", "to", "in", "true", "false", "null", "end"]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_SOURCE = 2000;

type MathInstance = ReturnType<typeof MathJs.create>;
let restricted: { math: MathInstance; parse: (s: string) => MathNode } | undefined;

/** The restricted mathjs instance and its parser (made on first use: create(all) takes tens of ms). */
function restrictedMath(): { math: MathInstance; parse: (s: string) => MathNode } {
  if (!restricted) {
    const { all, create } = requireMathJs();
    const math = create(all!, { predictable: true });
    // Keep the parser before disabling it, so expressions inside formulas cannot reach it.
    const parse = math.parse;
    const off = (name: string) => () => {
      throw new Error(`function ${name} is disabled in formulas`);
    };
    math.import(Object.fromEntries(DISABLED_FUNCTIONS.map((n) => [n, off(n)])), { override: true });
    restricted = { math, parse };
  }
  return restricted;
}

/** The restricted mathjs instance formulas are compiled with (its disabled functions throw). */
export function formulaMath(): MathInstance {
  return restrictedMath().math;
}

const refuse = (message: string, at: string): FormulaError => problem("formula", at, message);

/** The first problem in a parsed tree, or undefined when every node is allowed. */
function check(node: MathNode, inputs: ReadonlySet<string>): FormulaError | undefined {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case "ConstantNode": {
      const v = n.value;
      if (typeof v !== "number") return refuse(`only numbers are allowed as constants`, node.toString());
      return Number.isFinite(v) ? undefined : refuse(`constant is not a finite number`, node.toString());
    }
    case "SymbolNode": {
      const name = n.name as string;
      if (inputs.has(name) || FORMULA_CONSTANTS.includes(name)) return undefined;
      if (arityOf(name)) return refuse(`function "${name}" must be called`, name);
      return refuse(`unknown name "${name}" (inputs: ${[...inputs].join(", ") || "none"})`, name);
    }
    case "ParenthesisNode":
      return check(n.content as MathNode, inputs);
    case "ConditionalNode":
      return (
        check(n.condition as MathNode, inputs) ??
        check(n.trueExpr as MathNode, inputs) ??
        check(n.falseExpr as MathNode, inputs)
      );
    case "OperatorNode": {
      if (!OPERATORS.has(n.fn as string)) return refuse(`operator "${n.op}" is not allowed`, n.op as string);
      return checkAll(n.args as MathNode[], inputs);
    }
    case "RelationalNode": {
      const bad = (n.conditionals as string[]).find((c) => !COMPARISONS.has(c));
      return bad
        ? refuse(`comparison "${bad}" is not allowed`, bad)
        : checkAll(n.params as MathNode[], inputs);
    }
    case "FunctionNode": {
      const fn = n.fn as MathNode & { name?: string };
      if (fn.type !== "SymbolNode") return refuse("only named functions may be called", node.toString());
      const name = fn.name!;
      if (DISABLED_FUNCTIONS.includes(name)) return refuse(`function "${name}" is disabled`, name);
      const arity = arityOf(name);
      if (!arity) return refuse(`function "${name}" is not allowed`, name);
      const args = n.args as MathNode[];
      if (args.length < arity[0] || args.length > arity[1]) {
        const want = arity[0] === arity[1] ? `${arity[0]}` : `${arity[0]}–${arity[1]}`;
        return refuse(`function "${name}" takes ${want} arguments, got ${args.length}`, name);
      }
      return checkAll(args, inputs);
    }
    case "AssignmentNode":
      return refuse("assignment is not allowed", node.toString());
    case "FunctionAssignmentNode":
      return refuse("function definition is not allowed", node.toString());
    default:
      return refuse(
        `${node.type.replace(/Node$/, "").toLowerCase()} expressions are not allowed`,
        node.toString(),
      );
  }
}

function checkAll(nodes: MathNode[], inputs: ReadonlySet<string>): FormulaError | undefined {
  for (const a of nodes) {
    const e = check(a, inputs);
    if (e) return e;
  }
  return undefined;
}

/** Problems with the input names: invalid, duplicated, or shadowing a function, constant or keyword. */
function checkInputs(inputs: readonly string[]): FormulaError | undefined {
  const seen = new Set<string>();
  for (const name of inputs) {
    if (!IDENTIFIER.test(name)) return refuse(`input name "${name}" is not an identifier`, name);
    if (KEYWORDS.has(name) || arityOf(name) || FORMULA_CONSTANTS.includes(name))
      return refuse(`input name "${name}" is reserved`, name);
    if (DISABLED_FUNCTIONS.includes(name)) return refuse(`input name "${name}" is reserved`, name);
    if (seen.has(name)) return refuse(`input name "${name}" is given twice`, name);
    seen.add(name);
  }
  return undefined;
}

/** The token a mathjs syntax error points at ("... (char 7)", 1-based), or the last token at the end. */
function syntaxToken(source: string, err: unknown): string {
  const char = (err as { char?: unknown }).char;
  if (typeof char === "number" && char >= 1 && char <= source.length) {
    return source.slice(char - 1).match(/^\s*(\S+)/)?.[1] ?? source;
  }
  return source.trim().split(/\s+/).pop() ?? source;
}

/** Compile `source` once over the named `inputs`; refused formulas come back as errors. */
export function compileFormula(source: string, inputs: readonly string[]): FormulaResult<CompiledFormula> {
  const bad = checkInputs(inputs);
  if (bad) return failure(bad);
  if (source.trim() === "") return failure(refuse("formula is empty", ""));
  if (source.length > MAX_SOURCE)
    return failure(refuse(`formula is longer than ${MAX_SOURCE} characters`, source.slice(0, 20)));
  let tree: MathNode;
  try {
    tree = restrictedMath().parse(source);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return failure(refuse(`syntax: ${message}`, syntaxToken(source, err)));
  }
  const refused = check(tree, new Set(inputs));
  if (refused) return failure(refused);
  const code = tree.compile();
  const scope = new Map<string, number>();
  const names = [...inputs];
  const evaluate = (values: ArrayLike<number> | Readonly<Record<string, number>>): FormulaResult<number> => {
    const byIndex = typeof (values as ArrayLike<number>).length === "number";
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const v = byIndex ? (values as ArrayLike<number>)[i] : (values as Record<string, number>)[name];
      if (typeof v !== "number") return failure(refuse(`input "${name}" is missing`, name));
      scope.set(name, v);
    }
    let out: unknown;
    try {
      out = code.evaluate(scope);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return failure(refuse(`evaluation failed: ${message}`, source));
    }
    // Comparisons and logic give booleans; as a utility, true counts 1 and false 0.
    const value = typeof out === "boolean" ? (out ? 1 : 0) : out;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      return failure(refuse(`formula gave ${String(value)}, not a finite number`, source));
    }
    return { ok: true, value };
  };
  return { ok: true, value: { source, inputs: names, evaluate } };
}
