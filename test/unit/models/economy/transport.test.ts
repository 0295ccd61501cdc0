/** Transport cost and speed layers follow their formulas; crossings get their own speed and detection. */
import { describe, expect, it } from "vitest";
import {
  cellCost,
  cellSpeed,
  crossingDetection,
  TRANSPORT_DEFAULTS as P,
  pathDays,
  transportCost,
  transportSpeed,
} from "../../../../src/models/economy/transport.js";
import { parseAsciiMap } from "../../../../src/worlds/ascii.js";
import { CROSSING_INFORMAL, CROSSING_NONE, CROSSING_OFFICIAL } from "../../../../src/worlds/types.js";
import { mustBuild, plainProvince } from "../../worlds/fixtures.js";

describe("cell cost and speed", () => {
  it("cost = base × (1 + terrain × ruggedness) × (road ? roadFactor : 1)", () => {
    expect(cellCost(P, 0, false)).toBe(P.baseUsdPerKgCell);
    expect(cellCost(P, 0.5, true)).toBeCloseTo(
      P.baseUsdPerKgCell * (1 + P.terrainFactor * 0.5) * P.roadFactor,
    );
    expect(cellCost(P, 1, false)).toBeGreaterThan(cellCost(P, 0.2, false));
    expect(cellCost(P, 0.3, true)).toBeLessThan(cellCost(P, 0.3, false));
  });

  it("roads are faster, rugged ground slower, crossings use their kind's speed", () => {
    expect(cellSpeed(P, 0, true, CROSSING_NONE)).toBe(P.roadSpeedCellsPerDay);
    expect(cellSpeed(P, 0, false, CROSSING_NONE)).toBe(P.offRoadSpeedCellsPerDay);
    expect(cellSpeed(P, 1, true, CROSSING_NONE)).toBeCloseTo(
      P.roadSpeedCellsPerDay * (1 - P.terrainSlowdown),
    );
    expect(cellSpeed(P, 0, false, CROSSING_INFORMAL)).toBe(P.informal.speedCellsPerDay);
    expect(cellSpeed(P, 0, false, CROSSING_OFFICIAL)).toBeGreaterThan(P.informal.speedCellsPerDay);
    // Official posts: fast but watched; informal crossings: slow but rarely seen.
    expect(P.official.detectionBase).toBeGreaterThan(P.informal.detectionBase);
  });
});

describe("layers", () => {
  const res = parseAsciiMap("ab\n~c", [
    ["a", { province: "X", blocked: false, road: true }],
    ["b", { province: "X", blocked: false, crossing: "official" }],
    ["c", { province: "X", blocked: false, crossing: "informal", ruggedness: 1 }],
    ["~", { province: "X", blocked: true }],
  ]);
  if (!res.ok) throw new Error("bad map");
  const world = mustBuild(res.map, [plainProvince("X", "TJ", 0)]);

  it("blocked cells cost Infinity and have speed 0; detection only on crossings", () => {
    expect(Array.from(transportCost(world))).toEqual([
      cellCost(P, 0, true),
      cellCost(P, 0, false),
      Number.POSITIVE_INFINITY,
      cellCost(P, 1, false),
    ]);
    expect(transportSpeed(world)[2]).toBe(0);
    expect(Array.from(crossingDetection(world))).toEqual([
      0,
      P.official.detectionBase,
      0,
      P.informal.detectionBase,
    ]);
  });

  it("path time spends half of each step in each cell", () => {
    const speed = transportSpeed(world);
    const oneStep = 0.5 * (1 / speed[0]! + 1 / speed[1]!);
    expect(pathDays(world, speed, [0, 1])).toBeCloseTo(oneStep);
    expect(pathDays(world, speed, [0, 3])).toBeCloseTo(Math.SQRT2 * 0.5 * (1 / speed[0]! + 1 / speed[3]!));
    expect(pathDays(world, speed, [0])).toBe(0);
  });
});
