/** Nexus parameters: defaults, located validation errors, setup from parameters, utility formulas. */
import { describe, expect, it } from "vitest";
import { setupAlliance } from "../../../../src/models/nexus/alliance/setup.js";
import { armedParams, DEFAULT_BANDS } from "../../../../src/models/nexus/armed/params.js";
import { setupBands, utilityOverridesOf } from "../../../../src/models/nexus/bands/setup.js";
import { ACT_HIDE, ACTIONS, emptyScope, MOTIVE_CLASSES } from "../../../../src/models/nexus/motives.js";
import { corridorWorld } from "../../../../src/worlds/corridor.js";
import { makeNexusSim } from "./fixture.js";

const world = corridorWorld();

describe("armedParams", () => {
  it("fills every default, with the essay's forces and bands", () => {
    const p = armedParams.parse({});
    expect(p.bands.length).toBe(DEFAULT_BANDS.length);
    expect(p.alliance.forces.map((f) => f.name)).toEqual([
      "CSTO CRRF",
      "Russia 201st base",
      "SCO Peace Mission",
    ]);
    expect(p.alliance.forces[0]!.members).not.toContain("UZ"); // Uzbekistan is outside the CSTO
    expect(p.alliance.forces[1]!.members).toEqual(["TJ"]); // the basing agreement
    expect(p.alliance.forces[2]!.members).toContain("UZ");
    expect(p.alliance.coordination).toBe(0);
    expect(p.bandRules.scales.ideologyScale).toBeGreaterThan(0);
    expect(p.clashes.breakpoint).toBeGreaterThan(0);
  });

  it("names the path of a bad value", () => {
    const bad = (raw: object) => {
      const r = armedParams.safeParse(raw);
      expect(r.success).toBe(false);
      return r.success ? "" : r.error.issues.map((i) => i.path.join(".")).join(" ");
    };
    expect(bad({ bands: [{ group: "IMU", home: "Takhar", fighters: -3 }] })).toContain("bands.0.fighters");
    expect(bad({ bands: [{ group: "Hezbollah", home: "Takhar", fighters: 3 }] })).toContain("bands.0.group");
    expect(bad({ alliance: { coordination: 2 } })).toContain("alliance.coordination");
    expect(bad({ attribution: { bias: -0.1 } })).toContain("attribution.bias");
    expect(bad({ clashes: { surprise: 0.5 } })).toContain("clashes.surprise");
    const mix = { drill: 0, route: 0 };
    expect(
      bad({ alliance: { forces: [{ ...armedParams.parse({}).alliance.forces[0], posture: mix }] } }),
    ).toContain("alliance.forces.0.posture");
  });
});

describe("setup from parameters", () => {
  it("stages every default band at its home, each with its own motive row", () => {
    const res = setupBands(world, armedParams.parse({}));
    if (!res.ok) throw new Error(res.problems[0]!.message);
    const { bands, motives, motiveNames, motiveClassOf } = res.setup;
    expect(bands.alive).toBe(DEFAULT_BANDS.length);
    for (const id of bands.order()) expect(world.province[bands.col.cell[id]!]).toBe(bands.col.home[id]);
    // One row per band (so each may drift on its own): mixed twice, Taliban custom twice, ideological, criminal
    expect(motives.length).toBe(DEFAULT_BANDS.length);
    expect(motiveNames.filter((n) => n === "mixed").length).toBe(2);
    expect(motives.length).toBe(motiveClassOf.length);
    expect(MOTIVE_CLASSES[motiveClassOf[motiveNames.indexOf("criminal")]!]).toBe("criminal");
  });

  it("reports an unknown home province, base or inviting country with its path", () => {
    const b = setupBands(
      world,
      armedParams.parse({ bands: [{ group: "IMU", home: "Narnia", fighters: 5 }] }),
    );
    expect(b.ok ? [] : b.problems.map((e) => e.path)).toEqual(["bands[0].home"]);
    const f = {
      ...armedParams.parse({}).alliance.forces[0]!,
      base: "Narnia",
      invitations: [{ country: "XX" }],
    };
    const a = setupAlliance(world, armedParams.parse({ alliance: { forces: [f] } }).alliance);
    expect(a.ok ? [] : a.problems.map((e) => e.path)).toEqual([
      "alliance.forces[0].base",
      "alliance.forces[0].invitations[0].country",
    ]);
  });
});

describe("utility formulas", () => {
  it("compile over the named inputs and replace the default", () => {
    const res = utilityOverridesOf({ hide: "cover * 10 + threat", tax: "log1p(taxRevenue / upkeep) * wTax" });
    if (!res.ok) throw new Error(res.problems[0]!.message);
    const s = { ...emptyScope(), cover: 0.5, threat: 2 };
    expect(res.overrides[ACT_HIDE]!(s)).toBe(7);
    expect(res.overrides[ACTIONS.indexOf("escort")]).toBeUndefined();
  });

  it("refuse unknown names and unsafe functions, naming the action", () => {
    const res = utilityOverridesOf({ attack: "secret * 2", cross: 'evaluate("1")' });
    expect(res.ok ? [] : res.problems.map((e) => e.path)).toEqual([
      "bandRules.utilities.attack",
      "bandRules.utilities.cross",
    ]);
  });

  it("drive the choice in a run: a hide utility of 100 makes every band hide", () => {
    const s = makeNexusSim({ bandRules: { utilities: { hide: "100" } } }, 1);
    s.sim.run(30);
    const o = s.st.out.choices;
    let hides = 0;
    let all = 0;
    for (let k = 0; k < o.length; k++) {
      all += o[k]!;
      if (k % ACTIONS.length === ACT_HIDE) hides += o[k]!;
    }
    expect(all).toBeGreaterThan(0);
    expect(hides).toBe(all);
  });
});
