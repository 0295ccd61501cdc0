#!/usr/bin/env node
/**
 * The calibration tables of docs/model.md from a `pamir calibrate` results folder: the fit at the
 * written point (fit.json), each parameter's prior, posterior mean, 95 % interval and written
 * value (posterior.json), and the generations (convergence.json). Prints aligned Markdown.
 *
 *   node scripts/calibration-tables.mjs results/northern-route
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/calibration-tables.mjs RESULTS_DIR");
  process.exit(2);
}
const read = (f) => JSON.parse(readFileSync(join(dir, f), "utf8"));

/** Three significant digits, thousands grouped with a space; integers ≥ 1 000 in full. */
function fmt(x) {
  if (x === null || x === undefined) return "—";
  if (x === 0) return "0";
  const a = Math.abs(x);
  const s =
    a >= 1000 ? String(Math.round(x)) : a >= 1 ? x.toFixed(a >= 100 ? 1 : a >= 10 ? 2 : 3) : x.toPrecision(3);
  return s.replace(/^(-?\d+)(\.\d+)?$/, (_, i, d = "") => i.replace(/\B(?=(\d{3})+(?!\d))/g, " ") + d);
}

/** An aligned Markdown table. */
function table(header, rows) {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((x, i) => String(x).padEnd(w[i])).join(" | ")} |`;
  return [line(header), `| ${w.map((n) => "-".repeat(n)).join(" | ")} |`, ...rows.map(line)].join("\n");
}

const CONF = { 4: "H", 2: "M", 1: "L" };
const fit = read("fit.json");
console.log(
  table(
    ["target", "observed", "band", "weight (conf.)", "simulated mean", "95 % of runs", "inside?"],
    fit.map((f) => [
      `\`${f.outcome}\``,
      fmt(f.observed),
      `${fmt(f.lo)}–${fmt(f.hi)}`,
      `${f.weight} (${CONF[f.weight] ?? "?"})`,
      fmt(f.simulated),
      `${fmt(f.q025)}–${fmt(f.q975)}`,
      f.inside ? "yes" : "**no**",
    ]),
  ),
);
console.log();
const post = read("posterior.json");
console.log(
  table(
    ["calibrated parameter", "prior", "posterior mean", "95 % interval", "written (best particle)"],
    post.parameters.map((p) => [
      `\`${p.path.replace(/^params\./, "")}\``,
      `${p.prior} [${fmt(p.min)}, ${fmt(p.max)}]`,
      fmt(p.mean),
      `${fmt(p.q025)}–${fmt(p.q975)}`,
      p.apply === false ? `${fmt(p.fitted)} (not written)` : fmt(p.fitted),
    ]),
  ),
);
console.log();
console.log(
  `Point candidates (generation/draw: distance when accepted → re-simulated): ${post.point.candidates
    .map((c) => `${c.generation}/${c.draw}: ${fmt(c.accepted)} → ${fmt(c.refit)}`)
    .join("; ")}`,
);
console.log();
console.log(
  table(
    ["generation", "tolerance", "draws", "acceptance", "ESS", "runs so far"],
    read("convergence.json").map((g) => [
      g.generation,
      g.tolerance === null || g.tolerance === undefined ? "∞" : fmt(g.tolerance),
      g.draws,
      g.acceptanceRate.toFixed(2),
      Math.round(g.ess),
      fmt(g.runsTotal),
    ]),
  ),
);
