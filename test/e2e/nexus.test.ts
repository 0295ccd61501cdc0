/**
 * The nexus model end to end: both shipped scenarios print every outcome the issue names, and over
 * 20 seeded runs each the motive hypotheses differ in the directions the argument predicts.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pamir } from "./cli.js";

/** Outcomes the nexus issue requires, as table rows (per-province ones by one province). */
const REQUIRED = [
  "insurgent_fighters",
  "insurgent_tax_usd",
  "insurgent_escort_usd",
  "insurgent_losses",
  "incursions",
  "fighters_crossed",
  "incursions.ideological",
  "incursions.criminal",
  "clashes",
  "casualties.insurgent",
  "casualties.state",
  "casualties.alliance",
  "casualties.civilian",
  "violent_events",
  "attributed_terror_share",
  "true_terror_share",
  "alliance_troop_days",
  "seizures_per_1000_troop_days",
  "insurgent_losses_per_1000_troop_days",
  "legitimacy_mean",
  "actives",
  "province.GBAO.violent_events",
  "province.GBAO.influence_days",
  "province.GBAO.legitimacy",
  "province.GBAO.attributed_terror_share",
  "province.GBAO.true_terror_share",
  "delivered_kg.Russia",
  "price.Russia",
];

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe("pamir and the nexus scenarios", () => {
  for (const s of ["incursion-drill", "route-control"]) {
    it(`pamir run scenarios/${s}.yaml prints every outcome`, () => {
      const r = pamir("run", `scenarios/${s}.yaml`, "--ticks", "60");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const names = new Set(r.stdout.split("\n").map((l) => l.split(/\s+/)[0]));
      for (const k of REQUIRED) expect(names.has(k), k).toBe(true);
    });
  }

  it("runs on the real Central Asia map with its provinces' names", () => {
    const r = pamir("run", "scenarios/central-asia-route-control.yaml", "--ticks", "20");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^province\.Gorno-Badakhshan\.influence_days\s/m);
    expect(r.stdout).toMatch(/^delivered_kg\.Almaty\s/m);
  });

  it("over 20 seeds each: ideological ⇒ more incursions; criminal ⇒ more tax and escort revenue, violence on the routes", () => {
    const out = mkdtempSync(join(tmpdir(), "pamir-e2e-nexus-"));
    const r = pamir("study", "test/fixtures/studies/nexus-scenarios.yaml", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = readFileSync(join(out, "runs.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { scenario: string; status: string; outcomes: Record<string, number> });
    const of = (key: string, outcome: string) =>
      rows.filter((x) => x.scenario === key && x.status === "ok").map((x) => x.outcomes[outcome]!);
    expect(of("drill", "incursions")).toHaveLength(20);
    expect(of("route", "incursions")).toHaveLength(20);
    expect(mean(of("drill", "incursions"))).toBeGreaterThan(mean(of("route", "incursions")));
    expect(mean(of("drill", "fighters_crossed"))).toBeGreaterThan(mean(of("route", "fighters_crossed")));
    const revenue = (k: string) =>
      mean(of(k, "insurgent_tax_usd").map((t, i) => t + of(k, "insurgent_escort_usd")[i]!));
    expect(revenue("route")).toBeGreaterThan(revenue("drill"));
    expect(mean(of("route", "corridor_violence_share"))).toBeGreaterThan(
      mean(of("drill", "corridor_violence_share")),
    );
    // The state's labels follow the truth's direction, and lean to "terrorist" (bias 0.6).
    expect(mean(of("drill", "true_terror_share"))).toBeGreaterThan(mean(of("route", "true_terror_share")));
    expect(mean(of("route", "attributed_terror_share"))).toBeGreaterThan(
      mean(of("route", "true_terror_share")),
    );
  });
});
