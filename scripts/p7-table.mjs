#!/usr/bin/env node
/**
 * Prints the out-of-sample table of targets.md pattern P7 (docs/model.md, "Out of sample: the
 * 2013–16 decline (P7)") from a finished study of scenarios/studies/northern-route-2013-16.yaml:
 * one row per P7 signature with the observed direction and size, the model's 2008–12 and 2013–16
 * means, their difference with a 95 % Welch t interval, the ratio, and whether the model reproduces
 * the direction (interval excluding 0 on the observed side); then each change alone against 2008–12.
 *
 *   npm run p7            (runs the study into results/p7, then this script)
 *   node scripts/p7-table.mjs results/p7
 *
 * The first arm of the study (its first `params.shifts` value) is the reference, the second the
 * full 2013–16 setting, any further arms single changes. `pamir study` seeds each run from its id,
 * so arms do not share seeds: the difference's interval is the unpaired (Welch) one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeSample, tCritical } from "../dist/src/stats/describe.js";

/** Per-year rate of a run total over the run's `days`. */
const perYear =
  (key, scale = 1) =>
  (o) =>
    Number.isFinite(o[key]) && o.days > 0 ? (o[key] * scale * 365) / o.days : undefined;
/** The outcome as it is. */
const asIs = (key) => (o) => o[key];

/**
 * The P7 signatures. `direction` is the observed sign of the 2013–16 change (0: no earlier figure
 * to compare with, a level only); `band` a level the 2013–16 arm should sit in, where the sheet
 * gives one.
 */
const SIGNATURES = [
  {
    label: "heroin price, southern Kazakhstan (Almaty), USD/kg",
    value: asIs("price_mean.Almaty"),
    digits: -2,
    direction: 1,
    observed:
      "up ~6× 2007–08 → 2014 ($3k → $18–20k), mostly before 2013: $17–18k (2012) → $18–20k (2014), ×1.0–1.2",
    row: "§7 P7; §1.6 Kazakhstan",
  },
  {
    label: "Kazakh heroin seizures, kg/yr",
    value: perYear("seized_kg.KZ"),
    digits: 0,
    direction: -1,
    observed: "down: 120 kg (2016); no 2008–12 heroin figure (707 kg in 2003)",
    row: "§7 P7; §1.4 Kazakhstan",
  },
  {
    label: "Uzbek heroin seizures, kg/yr",
    value: perYear("seized_kg.UZ"),
    digits: 0,
    direction: 0,
    band: [106, 148],
    observed: "level 106–148 kg/yr (2013–15); no 2008–12 figure (336 kg in 2003; +25 % in 2010)",
    row: "§7 P7; §1.4 Uzbekistan",
  },
  {
    label: "CSTO Kanal heroin haul",
    value: () => undefined,
    digits: 0,
    direction: -1,
    observed: "down: >500 kg (Channel-2011) → 38 kg (Red Dune 2018)",
    row: "§7 P7; §4 Kanal",
    none: "no outcome: alliance contingents raise national units' detection; seizures are credited to the national agency",
  },
  {
    label: "heroin reaching Russia, t/yr",
    value: perYear("delivered_kg.Russia", 1 / 1000),
    digits: 1,
    direction: -1,
    observed: "down: 70–80 t consumed (2008–12) → ~30 t (FSKN, 2015), ×0.4",
    row: "§7 P7; §1.3; §1.1",
  },
  {
    label: "heroin on the route, t/yr",
    value: asIs("flow_t_per_year"),
    digits: 1,
    direction: -1,
    observed: "down: 90 t (2010) → 30–75 t (2015 estimate), ×0.33–0.83",
    row: "§1.1",
    input: "the supply shift's size: not a test",
  },
  {
    label: "heroin price, Russia wholesale, USD/kg",
    value: asIs("price_mean.Russia"),
    digits: -2,
    direction: 0,
    observed: "roubles ×1.5–2 with the rouble halved: USD ×0.75–1 at a given quantity",
    row: "§1.6 Russia, street",
    input: "the devaluation's size is at a given quantity: not a test",
  },
];

/** A number rounded to `digits` (negative: to tens, hundreds), with thin thousands separators. */
function fmt(x, digits) {
  if (!Number.isFinite(x)) return "—";
  const r = digits >= 0 ? x.toFixed(digits) : String(Math.round(x / 10 ** -digits) * 10 ** -digits);
  const [int, frac] = r.split(".");
  const sign = int.startsWith("-") ? "−" : "";
  const grouped = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return sign + grouped + (frac ? `.${frac}` : "");
}

/** Difference of means b − a with its 95 % Welch t interval (unpaired: the arms' seeds differ). */
function welch(a, b) {
  const sa = describeSample(a);
  const sb = describeSample(b);
  const d = sb.mean - sa.mean;
  if (sa.n < 2 || sb.n < 2) return { d, lo: Number.NaN, hi: Number.NaN, a: sa, b: sb };
  const va = sa.sd ** 2 / sa.n;
  const vb = sb.sd ** 2 / sb.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { d, lo: d, hi: d, a: sa, b: sb };
  const df = (va + vb) ** 2 / (va ** 2 / (sa.n - 1) + vb ** 2 / (sb.n - 1));
  const t = tCritical(Math.max(1, Math.floor(df)));
  return { d, lo: d - t * se, hi: d + t * se, a: sa, b: sb };
}

/** Does the change reproduce the signature: its interval on the observed side of 0 (and in band)? */
function verdict(sig, w) {
  if (sig.none) return "— (no outcome)";
  if (!Number.isFinite(w.lo)) return "— (too few runs)";
  const sign = w.lo > 0 ? 1 : w.hi < 0 ? -1 : 0;
  const word = sign > 0 ? "up" : sign < 0 ? "down" : "no clear change";
  if (sig.band) {
    const inBand = w.b.mean >= sig.band[0] && w.b.mean <= sig.band[1];
    return `${inBand ? "yes" : "no"}: level ${inBand ? "inside" : "outside"} ${sig.band[0]}–${sig.band[1]} (${word})`;
  }
  const said = sig.direction === 0 ? word : sign === sig.direction ? `yes (${word})` : `no (${word})`;
  return sig.input ? `${said}; ${sig.input}` : said;
}

/** The runs of each arm (arm labels joined), in the study's point order. */
function armsOf(runs) {
  const arms = new Map();
  for (const r of [...runs].sort((a, b) => a.point - b.point || a.replicate - b.replicate)) {
    const key = Object.values(r.arm ?? {}).join(", ") || r.scenario;
    if (!arms.has(key)) arms.set(key, []);
    arms.get(key).push(r.outcomes ?? {});
  }
  return arms;
}

/** One signature's values in an arm (finite only). */
const valuesOf = (sig, arm) => arm.map(sig.value).filter((x) => Number.isFinite(x));

/** "d [lo, hi]" of a Welch result. */
const diffCell = (w, digits) => `${fmt(w.d, digits)} [${fmt(w.lo, digits)}, ${fmt(w.hi, digits)}]`;

/** The main table: reference arm against the full setting, one row per signature. */
function mainTable(names, arms) {
  const [ref, full] = names;
  const head = [
    "signature",
    "observed (direction, size)",
    "targets.md",
    `model ${ref}`,
    `model ${full}`,
    "difference [95 % CI]",
    "ratio",
    "reproduced?",
  ];
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`];
  for (const sig of SIGNATURES) {
    if (sig.none) {
      lines.push(
        `| ${[sig.label, sig.observed, sig.row, "—", "—", sig.none, "—", "— (no outcome)"].join(" | ")} |`,
      );
      continue;
    }
    const w = welch(valuesOf(sig, arms.get(ref)), valuesOf(sig, arms.get(full)));
    const ratio = w.a.mean !== 0 ? (w.b.mean / w.a.mean).toFixed(2) : "—";
    const cells = [fmt(w.a.mean, sig.digits), fmt(w.b.mean, sig.digits), diffCell(w, sig.digits), ratio];
    lines.push(`| ${[sig.label, sig.observed, sig.row, ...cells, verdict(sig, w)].join(" | ")} |`);
  }
  return lines;
}

/** Each single change against the reference: difference [95 % CI] per signature. */
function changesTable(names, arms) {
  const [ref, , ...singles] = names;
  if (singles.length === 0) return [];
  const head = ["signature", ...singles.map((s) => `${s} − ${ref}`)];
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`];
  for (const sig of SIGNATURES.filter((s) => !s.none)) {
    const base = valuesOf(sig, arms.get(ref));
    const cells = singles.map((s) => diffCell(welch(base, valuesOf(sig, arms.get(s))), sig.digits));
    lines.push(`| ${[sig.label, ...cells].join(" | ")} |`);
  }
  return lines;
}

/** The ok runs of the study in `dir`, or exit 2 with a one-line error. */
function readRuns(dir) {
  const path = join(dir, "runs.ndjson");
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    process.stderr.write(`${path}: cannot read (${e.code ?? e.message})\n`);
    process.exit(2);
  }
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l))
    .filter((r) => r.status === "ok");
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: node scripts/p7-table.mjs <study results folder>\n");
    process.exit(2);
  }
  const arms = armsOf(readRuns(dir));
  const names = [...arms.keys()];
  if (names.length < 2) {
    process.stderr.write(`${dir}: needs at least two arms (2008–12 and 2013–16), found ${names.length}\n`);
    process.exit(2);
  }
  const n = names.map((k) => `${k} ${arms.get(k).length}`).join(", ");
  const out = [`Runs per arm: ${n}.`, "", ...mainTable(names, arms)];
  const changes = changesTable(names, arms);
  if (changes.length > 0)
    out.push("", "Each change alone (difference from the reference, [95 % CI]):", "", ...changes);
  process.stdout.write(`${out.join("\n")}\n`);
}

main();
