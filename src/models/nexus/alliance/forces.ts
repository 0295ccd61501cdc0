/**
 * Alliance forces (the CSTO's rapid-reaction force, Russia's 201st base, an SCO exercise contingent) as resolved against a
 * world, the rules they share, and the postures a contingent takes. Types and constants only, so
 * every alliance file can read them without importing another's mechanism.
 */

/** Postures, in code order (a contingent's `posture` column indexes this list). */
export const POSTURES = ["incursion-drill", "route-control"] as const;
/** Code of `incursion-drill`: blocking positions at crossings onto the front country. */
export const POSTURE_DRILL = 0;
/** Code of `route-control`: spread along trafficking corridors with the drug agencies. */
export const POSTURE_ROUTE = 1;
/**
 * Postures a force may be given: the two deployed ones, or `garrison` — the status quo the targets
 * sheet records (targets.md §0 #13, §7 P10: the CRRF never deployed, the 201st stays on its bases):
 * ready troops kept at base and paid for, never sent to a position, so the force meets no band.
 */
export const POSTURE_CHOICES = [...POSTURES, "garrison"] as const;

/** A country's invitation to a force, valid on days fromDay..toDay (inclusive). */
export interface Invitation {
  country: number;
  fromDay: number;
  toDay: number;
}

/** One alliance force, resolved against a world (country indices, base cell). */
export interface Force {
  name: string;
  /** Nominal troops. */
  troops: number;
  /** Share of nominal troops formed into deployable contingents. */
  readiness: number;
  /** Troops per contingent. */
  contingentSize: number;
  /** Cells a contingent covers per day of transit. */
  mobility: number;
  /** Troop-days the force may spend in the run. */
  budget: number;
  /** 1 per member country index. */
  member: Uint8Array;
  /** Cell contingents set out from when in reserve. */
  base: number;
  /** Share of contingents on incursion-drill (the rest on route-control). */
  drillShare: number;
  /** Whether the force stays in garrison (posture `garrison`): its contingents never leave reserve. */
  garrison: boolean;
  /** Classification skill (chance an armed group met is labelled correctly). */
  skill: number;
  /** Force quality in clashes (1 = state security units). */
  quality: number;
  /** Invitations. */
  invitations: readonly Invitation[];
}

/** Rules shared by all forces. */
export interface AllianceRules {
  /** CSTO–SCO coordination in [0, 1]: chance a pick avoids cells another force already covers. */
  coordination: number;
  /** How far a force moves its drill share toward the believed ideological share at a re-plan (belief.ts). */
  postureWeight: number;
  /** Route-control may act in every member state (the CSTO's Kanal operation), not only where troops may. */
  kanal: boolean;
  /** Days between routine re-plans. */
  replanDays: number;
  /** Days over which a force spreads its budget: it keeps at most (budget − spent) / days left deployed. */
  horizonDays: number;
  /** Country index drills face (Afghanistan), −1 for none. */
  front: number;
  /** Coverage radius per posture code, cells. */
  radius: readonly number[];
  /** Detection multiplier gain per posture code where covered. */
  detectionBoost: readonly number[];
  /** Classification skill added by route-control's shared intelligence. */
  intelBonus: number;
  /** Route-control: weight of known tax points in choosing positions (× share of days held). */
  taxPointWeight: number;
  /** Route-control: raid multiplier on the encounter hazard of bands taxing or escorting where it covers. */
  raidBoost: number;
  /** Drill: chance a day the alliance learns of a column marching on a border crossing it may screen. */
  warningChance: number;
  /** Drill: days a contingent needs before it moves to a threatened crossing. */
  readyDays: number;
  /** Drill: weight of the avenues of approach (per 100 fighters whose paths cross there) in choosing positions. */
  approachWeight: number;
}
