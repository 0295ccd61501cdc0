/**
 * The outcome catalogue from the command line: `pamir outcomes`, and what compare and summarize
 * take from a results folder's outcomes.csv (units, the direction, the nearest names).
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dimensionsText } from "../../src/cli/outcomes/command.js";
import { economyModel } from "../../src/models/economy/model.js";
import { nexusModel } from "../../src/models/nexus/model.js";
import { pamir, ROOT } from "./cli.js";

/** A copy of the hand-made drill-route results with an outcomes.csv saying what its two outcomes are. */
function catalogued(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "pamir-outcomes-")), "drill-route");
  cpSync(join(ROOT, "test/fixtures/results/drill-route"), dir, { recursive: true });
  writeFileSync(
    join(dir, "outcomes.csv"),
    "name,unit,direction,dimensions,meaning,label,values,kind,model,version\n" +
      "revenue,USD,lower,,Drug money the bands took.,,,outcome,fixture,1\n" +
      'casualties,people,none,,"Casualties, all sides.",,,outcome,fixture,1\n',
  );
  return dir;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("pamir outcomes", () => {
  it("lists every nexus outcome and series with its unit, direction and meaning", () => {
    const r = pamir("outcomes", "nexus");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const c = nexusModel.outcomes;
    expect(r.stdout).toContain(
      `nexus (version ${c.version}): ${c.outcomes.length} outcomes, ${c.series.length} series`,
    );
    for (const s of [...c.outcomes, ...c.series]) {
      const dims = dimensionsText(s);
      const line = `^${literal(s.name)}\\s+${literal(s.unit)}\\s+${s.direction}\\s+${literal(dims)}\\s+${literal(s.meaning)}$`;
      expect(r.stdout, s.name).toMatch(new RegExp(line, "m"));
    }
  });

  it("prints the catalogue as JSON, for a model or the model of a scenario file", () => {
    const byName = pamir("outcomes", "nexus", "--json");
    expect(byName.code).toBe(0);
    expect(JSON.parse(byName.stdout)).toEqual(JSON.parse(JSON.stringify(nexusModel.outcomes)));
    const byScenario = pamir("outcomes", "scenarios/baseline.yaml", "--json");
    expect(JSON.parse(byScenario.stdout)).toEqual(JSON.parse(JSON.stringify(economyModel.outcomes)));
  });

  it("reads a results folder's outcomes.csv", () => {
    const r = pamir("outcomes", catalogued());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^revenue\s+USD\s+lower\s+—\s+Drug money the bands took\.$/m);
  });

  it("shows a dimension's fixed values beside its name", () => {
    const r = pamir("outcomes", "economy");
    expect(r.stdout).toMatch(
      /^seized_kg\.\{agency\}\s+kg\s+higher\s+agency: border\|police\|drugs\|military\s+Heroin this agency/m,
    );
    expect(r.stdout).toMatch(
      /^seized_kg\.\{country\}\s+kg\s+higher\s+country\s+Heroin seized in this country/m,
    );
  });

  it("refuses a name that is no model, scenario or folder with exit 2, suggesting the model", () => {
    const r = pamir("outcomes", "nexsu");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^pamir: "nexsu" is not a model, a scenario file or a results folder \(did you mean "nexus"\?\)/,
    );
  });
});

describe("compare and summarize read the catalogue of the results folder", () => {
  const args = (dir: string, outcome: string) => [
    "compare",
    dir,
    "--outcome",
    outcome,
    "--by",
    "posture",
    "--within",
    "motive",
  ];

  it("takes the direction from the catalogue when no flag is given, and prints the unit", () => {
    const dir = catalogued();
    const doc = JSON.parse(pamir(...args(dir, "revenue"), "--json").stdout);
    // Lower is better (as with --lower-is-better in compare.test.ts): route-control's worst case is smaller.
    expect(doc).toMatchObject({ direction: "lower-is-better", directionFrom: "catalogue", unit: "USD" });
    expect(doc.regret.robust).toBe("route-control");
    const text = pamir(...args(dir, "revenue"));
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^revenue \[USD\] \(lower is better, from the outcome catalogue\) by posture within motive/m,
    );
    expect(text.stdout).toMatch(/\(10 USD of revenue\) is the smallest\./);
  });

  it("lets a flag override the catalogue", () => {
    const doc = JSON.parse(pamir(...args(catalogued(), "revenue"), "--higher-is-better", "--json").stdout);
    expect(doc).toMatchObject({ direction: "higher-is-better", directionFrom: "option" });
    expect(doc.regret.robust).toBe("incursion-drill");
  });

  it("refuses an outcome with no better side unless a flag says which, exit 2 and one line", () => {
    const dir = catalogued();
    const r = pamir(...args(dir, "casualties"));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "pamir: --outcome casualties: the outcome catalogue gives it no better side (people; Casualties, all sides.); " +
        "say which way it is good: --lower-is-better or --higher-is-better\n",
    );
    expect(pamir(...args(dir, "casualties"), "--lower-is-better").code).toBe(0);
  });

  it("suggests the nearest outcome names instead of listing them all", () => {
    const r = pamir(...args(catalogued(), "revenu"));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('pamir: no outcome "revenu" in the runs (did you mean "revenue"?)\n');
  });

  it("summarize prints each outcome's unit", () => {
    const r = pamir("summarize", catalogued());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^point\s+labels\s+outcome\s+unit\s+n\s/m);
    expect(r.stdout).toMatch(
      /^nexus\/p2\s+motive=criminal posture=incursion-drill\s+revenue\s+USD\s+3\s+1\s+54\s/m,
    );
    expect(r.stdout).toMatch(/\scasualties\s+people\s+3\s/m);
  });
});
