#!/usr/bin/env node
/**
 * Prints the magnitudes table (docs/model.md, "Magnitudes against the targets sheet") from a
 * finished study of scenarios/studies/magnitudes.yaml: one row per outcome, one column per
 * posture × motive arm (model mean and 95 % t interval over the arm's runs), and the observed
 * figure with its row in the targets sheet.
 *
 *   npm run build
 *   node dist/src/cli/main.js study scenarios/studies/magnitudes.yaml --out results/magnitudes
 *   node scripts/magnitudes.mjs results/magnitudes
 *
 * Reads the study's runs.ndjson, so per-run conversions (counts to a year) come before the mean.
 * An outcome a run lacks is left out of that arm's sample; an arm with no value prints "—".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeSample } from "../dist/src/stats/describe.js";

/** Per-year rate of a count over the run's `days`. */
const perYear = (key) => (o) => (Number.isFinite(o[key]) && o.days > 0 ? (o[key] * 365) / o.days : undefined);
/** The outcome as it is. */
const asIs = (key) => (o) => o[key];

const ROWS = [
  {
    label: "deaths in TJ + KG + KZ, per year",
    value: perYear("deaths_tj_kg_kz"),
    digits: 0,
    observed: "tens a year (142 casualties in 19 labelled attacks 2008–18; big events 19–70 dead)",
    row: "§2.1, §0 #12",
  },
  {
    label: "alliance casualties, per year",
    value: perYear("casualties.alliance"),
    digits: 1,
    observed: "0 (the CSTO force has never fought; 0 deployments)",
    row: "§0 #13, §7 P10",
  },
  {
    label: "events labelled terrorist, per year",
    value: perYear("terror_labelled_central_asia"),
    digits: 1,
    observed: "≈ 2 a year (19 attacks 2008–18, region-wide)",
    row: "§2.1",
  },
  {
    label: "purges of strongmen, per year",
    value: perYear("purges"),
    digits: 2,
    observed: "≈ 0.45 (Rasht 2010, Khorog 2012 and 2014, Sep 2015: 4 in 2008–16)",
    row: "§2.2, §7 P9",
  },
  {
    label: "heroin on the route, t/yr",
    value: asIs("flow_t_per_year"),
    digits: 1,
    observed: "75–90 (90 in 2010; estimate 75–90 in 2012)",
    row: "§1.1",
  },
  {
    label: "seized share of the flow, %",
    value: (o) => (Number.isFinite(o.seized_share) ? 100 * o.seized_share : undefined),
    digits: 1,
    observed: "1–4 (< 3 in 2010; ≈ 3.3 in 2007–11; TJ ≈ 1 in 2013)",
    row: "§1.5",
  },
  {
    label: "wholesale price Tajikistan (Dushanbe), USD/kg",
    value: asIs("price_mean.Dushanbe"),
    digits: -2,
    observed: "3 000–8 000 (2010s estimate; 1 200–5 000 early 2000s)",
    row: "§1.6 Tajikistan",
  },
  {
    label: "wholesale price Kyrgyzstan (Osh), USD/kg",
    value: asIs("price_mean.Osh"),
    digits: -2,
    observed: "8 000–10 000 (2008, 2015)",
    row: "§1.6 Kyrgyzstan",
  },
  {
    label: "wholesale price Kazakhstan (Almaty), USD/kg",
    value: asIs("price_mean.Almaty"),
    digits: -2,
    observed: "17 000–20 000 (2012–14)",
    row: "§1.6 Kazakhstan",
  },
  {
    label: "wholesale price Russia, USD/kg",
    value: asIs("price_mean.Russia"),
    digits: -2,
    observed: "25 000–45 000 (Moscow, early 2000s)",
    row: "§1.6 Russia, wholesale",
  },
];

/** A number rounded to `digits` (negative: to tens, hundreds), with thin thousands separators. */
function fmt(x, digits) {
  if (!Number.isFinite(x)) return "—";
  const r = digits >= 0 ? x.toFixed(digits) : String(Math.round(x / 10 ** -digits) * 10 ** -digits);
  const [int, frac] = r.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const grouped = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return sign + grouped + (frac ? `.${frac}` : "");
}

/** The arms of the study in first-seen order: scenario key (when there are several) and every arm label, joined. */
function armsOf(runs) {
  const arms = new Map();
  const several = new Set(runs.map((r) => r.scenario)).size > 1;
  for (const r of runs) {
    const labels = Object.values(r.arm ?? {}).join(" · ");
    const key = [several ? r.scenario : undefined, labels]
      .filter((s) => s !== undefined && s !== "")
      .join(" · ");
    if (!arms.has(key)) arms.set(key, []);
    arms.get(key).push(r.outcomes ?? {});
  }
  return arms;
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: node scripts/magnitudes.mjs <study results folder>\n");
    process.exit(2);
  }
  let text;
  try {
    text = readFileSync(join(dir, "runs.ndjson"), "utf8");
  } catch (e) {
    process.stderr.write(`${join(dir, "runs.ndjson")}: cannot read (${e.code ?? e.message})\n`);
    process.exit(2);
  }
  const runs = text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l))
    .filter((r) => r.status === "ok");
  const arms = armsOf(runs);
  const names = [...arms.keys()];
  const n = names.map((k) => arms.get(k).length);
  const head = ["outcome", ...names.map((k, i) => `${k} (n = ${n[i]})`), "observed", "targets.md"];
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`];
  for (const row of ROWS) {
    const cells = names.map((k) => {
      const xs = arms
        .get(k)
        .map(row.value)
        .filter((x) => Number.isFinite(x));
      const s = describeSample(xs);
      if (s.n === 0) return "—";
      if (s.n === 1) return fmt(s.mean, row.digits);
      return `${fmt(s.mean, row.digits)} (${fmt(s.ciLow, row.digits)} – ${fmt(s.ciHigh, row.digits)})`;
    });
    lines.push(`| ${[row.label, ...cells, row.observed, row.row].join(" | ")} |`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
