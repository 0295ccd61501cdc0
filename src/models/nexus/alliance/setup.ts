/**
 * Alliance forces from the nexus parameters, resolved against a world: member codes to country
 * indices (members not on the map are simply absent), the base province to its centre cell,
 * posture to a drill share, invitations to country indices. Problems come back as located errors.
 */

import { type Problem, problem } from "../../../core/problems.js";
import type { World } from "../../../worlds/types.js";
import type { ArmedParams } from "../armed/params.js";
import { centreOf } from "../bands/targets.js";
import type { ConsentRules } from "./consent.js";
import type { AllianceRules, Force, Invitation } from "./forces.js";

/** The drill share of a posture: 1 for incursion-drill, 0 for route-control or garrison, drill/(drill+route) for a mix. */
export function drillShareOf(posture: ArmedParams["alliance"]["forces"][number]["posture"]): number {
  if (posture === "incursion-drill") return 1;
  if (posture === "route-control" || posture === "garrison") return 0;
  return posture.drill / (posture.drill + posture.route);
}

/** Forces and shared rules for a world. */
export function setupAlliance(
  world: World,
  p: ArmedParams["alliance"],
):
  | { ok: true; forces: Force[]; rules: AllianceRules; consent: ConsentRules }
  | { ok: false; problems: Problem[] } {
  const errors: Problem[] = [];
  const K = world.countries.length;
  const forces: Force[] = [];
  p.forces.forEach((f, i) => {
    const at = `alliance.forces[${i}]`;
    const member = new Uint8Array(K);
    for (const code of f.members) {
      const k = world.countries.indexOf(code);
      if (k >= 0 && code !== "") member[k] = 1;
    }
    const bp = world.provinces.findIndex((q) => q.name === f.base);
    const base = bp >= 0 ? centreOf(world, world.cellsOf[bp]!) : -1;
    if (base < 0) errors.push(problem("world", `${at}.base`, `province "${f.base}" is not in the world`));
    const invitations: Invitation[] = [];
    f.invitations.forEach((inv, j) => {
      const k = world.countries.indexOf(inv.country);
      if (k < 0 || inv.country === "") {
        errors.push(
          problem("world", `${at}.invitations[${j}].country`, `country "${inv.country}" is not on the map`),
        );
      } else invitations.push({ country: k, fromDay: inv.fromDay, toDay: inv.toDay });
    });
    forces.push({
      name: f.name,
      troops: f.troops,
      readiness: f.readiness,
      contingentSize: f.contingentSize,
      mobility: f.mobilityCellsPerDay,
      budget: f.troopDayBudget,
      member,
      base,
      drillShare: drillShareOf(f.posture),
      garrison: f.posture === "garrison",
      skill: f.skill,
      quality: f.quality,
      invitations,
    });
  });
  if (errors.length > 0) return { ok: false, problems: errors };
  const rules: AllianceRules = {
    coordination: p.coordination,
    postureWeight: p.belief.postureWeight,
    kanal: p.kanal,
    replanDays: p.replanDays,
    horizonDays: p.horizonDays,
    front: p.front === "" ? -1 : world.countries.indexOf(p.front),
    radius: [p.radius.drill, p.radius.route],
    detectionBoost: [p.detectionBoost.drill, p.detectionBoost.route],
    intelBonus: p.intelBonus,
    taxPointWeight: p.routeControl.taxPointWeight,
    raidBoost: p.routeControl.raidBoost,
    warningChance: p.reaction.warningChance,
    readyDays: p.reaction.readyDays,
    approachWeight: p.blocking.approachWeight,
  };
  const consent: ConsentRules = {
    decisionDays: p.consent.decisionDays,
    threshold: p.activationThreshold,
    sovereignty: Float64Array.from(world.countries, (code) => p.consent.sovereignty[code] ?? 1),
    massRadius: p.consent.massRadiusCells,
    massPer100: p.consent.massPer100,
    acceptIdeological: p.consent.acceptIdeologicalShare,
    budgetReserve: p.consent.budgetReserve,
    front: rules.front,
  };
  return { ok: true, forces, rules, consent };
}
