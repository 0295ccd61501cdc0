import { describe, expect, it } from "vitest";
import { pamir } from "./cli.js";

describe("pamir run scenarios/baseline.yaml (economy)", () => {
  it("validates and prints the outcome table with flows and prices per market", () => {
    expect(pamir("validate", "scenarios/baseline.yaml").code).toBe(0);
    const r = pamir("run", "scenarios/baseline.yaml");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/model economy, seed 1, 360 ticks/);
    for (const m of ["Russia", "Kazakhstan", "Osh", "Dushanbe", "Xinjiang"]) {
      expect(r.stdout).toMatch(new RegExp(`^delivered_kg\\.${m}\\s+[\\d.e+]+\\s+kg$`, "m"));
      expect(r.stdout).toMatch(new RegExp(`^price\\.${m}\\s+[\\d.e+]+\\s+USD/kg$`, "m"));
      expect(r.stdout).toMatch(new RegExp(`^price_mean\\.${m}\\s+[\\d.e+]+\\s+USD/kg$`, "m"));
    }
    expect(r.stdout).toMatch(/^seized_kg\.border\s/m);
    for (const k of ["flow_t_per_year", "share_through_TJ", "road_share", "mean_lot_kg"]) {
      expect(r.stdout).toMatch(new RegExp(`^${k}\\s+[\\d.e+]+\\s+\\S`, "m"));
    }
    const residual = /^mass_balance_residual_kg\s+(\S+)\s+kg$/m.exec(r.stdout);
    expect(Math.abs(Number(residual?.[1]))).toBeLessThan(1e-3);
  });
});
