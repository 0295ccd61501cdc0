/**
 * Hostile presence and the rules of fighting. Presence per cell is rebuilt daily from state
 * security units (strength × personnelPerUnit personnel each, at their `cell` today) and alliance
 * troops in position (models/nexus/alliance/layers.ts); bands read it to weigh risk, clashes to find fights.
 */

import type { Units } from "../../economy/security/units.js";
import type { AllianceLayers } from "../alliance/layers.js";
import type { ArmedParams } from "../armed/params.js";
import type { LanchesterParams } from "./clashes.js";

/** Rules of encounters and strikes. */
export interface ClashRules {
  /** Attrition. */
  lanchester: LanchesterParams;
  /** Encounter hazard per 100 hostile personnel in the band's 3×3 block, per day, on routine duty. */
  encounterRatePer100: number;
  /** Hazard multiplier in a province under a crackdown's search operation. */
  huntFactor: number;
  /** Share of the encounter chance removed when hidden on a cell of ruggedness 1. */
  hideCover: number;
  /** Personnel per unit of security-unit strength. */
  personnelPerUnit: number;
  /** Quality of state security personnel. */
  stateQuality: number;
  /** Quality of a fully armed band. */
  bandQuality: number;
  /** Chance a band's strike has surprise. */
  surpriseChance: number;
  /** Mean victims of an undefended strike. */
  strikeCasualties: number;
  /** Fighters and personnel engaged per side in a skirmish at most (a detachment, not the whole band). */
  detachment: number;
}

/** Hostile (state and alliance) personnel per cell today. */
export class Hostiles {
  /** State personnel. */
  readonly state: Float64Array;
  /** Alliance troops in position. */
  readonly alliance: Float64Array;
  /** Both. */
  readonly personnel: Float64Array;
  /** Quality × personnel, both. */
  readonly qualityPersonnel: Float64Array;
  /** State personnel × their unit's corruption: those a trafficking band has bought. */
  readonly boughtPersonnel: Float64Array;

  constructor(cells: number) {
    this.state = new Float64Array(cells);
    this.alliance = new Float64Array(cells);
    this.personnel = new Float64Array(cells);
    this.qualityPersonnel = new Float64Array(cells);
    this.boughtPersonnel = new Float64Array(cells);
  }

  /** Rebuild from the active units (their `cell` today) and the alliance layers. */
  build(units: Units, day: number, r: ClashRules, layers: AllianceLayers): void {
    this.state.fill(0);
    this.boughtPersonnel.fill(0);
    const { cell, strength, fromDay, corruption } = units.col;
    const ids = units.order();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (fromDay[id]! > day) continue;
      const n = strength[id]! * r.personnelPerUnit;
      this.state[cell[id]!]! += n;
      this.boughtPersonnel[cell[id]!]! += n * corruption[id]!;
    }
    for (let c = 0; c < this.state.length; c++) {
      this.alliance[c] = layers.troops[c]!;
      this.personnel[c] = this.state[c]! + layers.troops[c]!;
      this.qualityPersonnel[c] = this.state[c]! * r.stateQuality + layers.qualityTroops[c]!;
    }
  }
}

/** Running totals of fighting. */
export class ClashOutcomes {
  /** Encounters (hostiles attacking a band). */
  encounters = 0;
  /** Strikes by bands. */
  strikes = 0;
  /** Escort fights over stopped loads. */
  escortFights = 0;
  /** Fights the band side won. */
  bandWins = 0;
  /** Casualties by side. */
  bandLosses = 0;
  stateLosses = 0;
  allianceLosses = 0;
  civilians = 0;
  /** Bands wiped out. */
  bandsDestroyed = 0;
}

/** Clash rules from the nexus parameters. */
export function clashRulesOf(p: ArmedParams["clashes"]): ClashRules {
  return {
    lanchester: {
      killRate: p.killRate,
      rounds: p.rounds,
      breakpoint: p.breakpoint,
      terrainDefence: p.terrainDefence,
      surprise: p.surprise,
    },
    encounterRatePer100: p.encounterRatePer100,
    huntFactor: p.huntFactor,
    hideCover: p.hideCover,
    personnelPerUnit: p.personnelPerUnit,
    stateQuality: p.stateQuality,
    bandQuality: p.bandQuality,
    surpriseChance: p.surpriseChance,
    strikeCasualties: p.strikeCasualties,
    detachment: p.detachment,
  };
}
