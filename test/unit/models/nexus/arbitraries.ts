/** fast-check arbitraries of the armed side's parameters, shared by the stand-in and nexus-model tests. */
import fc from "fast-check";
import { CORRIDOR_PROVINCES } from "../../../../src/worlds/corridor.js";

const GROUPS = ["IMU", "Taliban", "ISIS-K", "Jund al-Khilafah", "warlord militia", "other"] as const;
const COUNTRIES = ["TJ", "UZ", "KG", "KZ", "RU", "CN", "AF"];

const arbMotive = fc.oneof(
  fc.constantFrom("ideological", "criminal", "mixed"),
  fc.record({
    stateTargets: fc.double({ min: 0, max: 2, noNaN: true }),
    crossBorder: fc.double({ min: 0, max: 2, noNaN: true }),
    tax: fc.double({ min: 0, max: 2, noNaN: true }),
    escort: fc.double({ min: 0, max: 2, noNaN: true }),
    holdCrossings: fc.double({ min: 0, max: 2, noNaN: true }),
  }),
);

const arbBand = fc.record({
  group: fc.constantFrom(...GROUPS),
  home: fc.constantFrom(...CORRIDOR_PROVINCES.map((p) => p.name)),
  motive: arbMotive,
  fighters: fc.integer({ min: 1, max: 800 }),
  cashUsd: fc.double({ min: 0, max: 200_000, noNaN: true }),
});

const arbForce = fc.record({
  name: fc.constantFrom("A", "B"),
  // Ranges keep most forces deployable (fast-check likes 0 and bounds, which deploy nothing).
  troops: fc.integer({ min: 2000, max: 20_000 }),
  readiness: fc.integer({ min: 5, max: 30 }).map((x) => x / 100),
  contingentSize: fc.integer({ min: 100, max: 500 }),
  mobilityCellsPerDay: fc.double({ min: 0.5, max: 20, noNaN: true }),
  troopDayBudget: fc.integer({ min: 0, max: 200_000 }),
  members: fc.subarray(COUNTRIES),
  base: fc.constantFrom("Dushanbe", "Uzbekistan", "Russia", "Osh"),
  posture: fc.oneof(
    fc.constantFrom("incursion-drill", "route-control"),
    fc.record({
      drill: fc.double({ min: 0.1, max: 1, noNaN: true }),
      route: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  ),
  skill: fc.double({ min: 0, max: 1, noNaN: true }),
  invitations: fc.array(
    fc.record({
      country: fc.constantFrom(...COUNTRIES),
      fromDay: fc.integer({ min: 0, max: 30 }),
      toDay: fc.integer({ min: 0, max: 60 }),
    }),
    { maxLength: 3 },
  ),
});

/** Random raw armed-side parameters (bands, forces, coordination, bias) on the corridor world. */
export const arbRaw = fc.record({
  bands: fc.array(arbBand, { minLength: 1, maxLength: 4 }),
  alliance: fc.record({
    forces: fc.array(arbForce, { minLength: 1, maxLength: 2 }),
    coordination: fc.double({ min: 0, max: 1, noNaN: true }),
    activationThreshold: fc.double({ min: 0, max: 6, noNaN: true }),
    replanDays: fc.integer({ min: 1, max: 20 }),
    horizonDays: fc.integer({ min: 1, max: 60 }),
  }),
  attribution: fc.record({ bias: fc.double({ min: 0, max: 1, noNaN: true }) }),
});
