/** The report's labels, units and directions come from the folder's catalogue, else plain names. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticResults } from "../../../bench/synthetic-results.js";
import { nexusModel } from "../../../src/models/nexus/model.js";
import { buildReport } from "../../../src/report/build.js";
import { keyOutcomes, outcomeInfo, provinceMetrics, seriesInfo } from "../../../src/report/outcomes.js";

const nexus = [nexusModel.outcomes];

describe("report outcome labels", () => {
  it("take label, unit and direction from the catalogue", () => {
    expect(outcomeInfo("delivered_kg", nexus)).toEqual({
      name: "delivered_kg",
      label: "Heroin delivered",
      unit: "kg",
      direction: "lower-is-better",
    });
    // A dimensioned outcome is found through its pattern; "none" gives no direction.
    expect(outcomeInfo("price.Russia", nexus)).toEqual({
      name: "price.Russia",
      label: "price.Russia",
      unit: "USD/kg",
    });
    expect(seriesInfo(nexus).map((s) => s.label)).toEqual([
      "Heroin delivered, cumulative",
      "Insurgent strength",
      "Incursions, cumulative",
      "Clashes, cumulative",
    ]);
    expect(keyOutcomes(nexus).every((o) => o.unit !== "" && o.label !== o.name)).toBe(true);
    expect(provinceMetrics(nexus)[0]).toEqual({
      name: "seized_kg",
      label: "Heroin seized",
      unit: "kg, mean per run",
      share: false,
    });
    expect(
      provinceMetrics(nexus)
        .filter((m) => m.share)
        .map((m) => m.name),
    ).toEqual(["attributed_terror_share", "true_terror_share"]);
  });

  it("fall back to plain names without a catalogue, keeping the known directions and 0–1 shares", () => {
    expect(outcomeInfo("delivered_kg", [])).toEqual({
      name: "delivered_kg",
      label: "delivered_kg",
      unit: "",
      direction: "lower-is-better",
    });
    expect(provinceMetrics([]).map((m) => [m.label, m.unit, m.share])).toContainEqual([
      "true_terror_share",
      "mean per run",
      true,
    ]);
  });

  it("a damaged outcomes.csv stops the report with a located problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-report-catalogue-"));
    writeSyntheticResults(dir, { replicates: 2, series: false, filler: 0 });
    writeFileSync(join(dir, "outcomes.csv"), "name,unit\nx,kg\n");
    const r = await buildReport(dir, { version: "test" });
    expect(r).toMatchObject({
      ok: false,
      problems: [{ kind: "results", line: 1, file: join(dir, "outcomes.csv") }],
    });
  });
});
