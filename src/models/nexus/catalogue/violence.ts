/**
 * Catalogue entries of the fighting, its labels and the alliance's cost (`violenceOutcomes` in
 * models/nexus/outcomes.ts). Directions: less violence, fewer wrong labels and fewer troop-days
 * spent are better (stats/directions.ts); shares that describe how violence was read have none.
 */
import { type OutcomeSpec, spec } from "../../../core/outcomes.js";

const SIDES = ["insurgent", "state", "alliance", "civilian"] as const;

/** Clash, attribution and alliance outcomes. */
export const VIOLENCE_OUTCOMES: readonly OutcomeSpec[] = [
  spec(
    "clashes",
    "clashes",
    "lower",
    "Fights over the run: encounters + strikes + escort_fights (fights at a blocking screen are not counted here).",
    { label: "Clashes" },
  ),
  spec(
    "encounters",
    "clashes",
    "lower",
    "Hostiles (state units, alliance troops) attacking a band they met.",
  ),
  spec(
    "strikes",
    "clashes",
    "lower",
    "Bands' attacks on a target (defenders around it, or victims if undefended).",
  ),
  spec(
    "escort_fights",
    "clashes",
    "lower",
    "Escorts fighting a state unit that stopped a load they guarded.",
  ),
  spec("loads_escorted_through", "loads", "lower", "Stopped loads whose escort won the fight and went on."),
  spec(
    "casualties.{side}",
    "people",
    "lower",
    "Casualties of this side in fights and strikes (insurgent: fighters lost, as insurgent_losses).",
    { values: { side: SIDES } },
  ),
  spec(
    "violent_events",
    "events",
    "lower",
    "Violent events over the run: every clash, strike and fight at a blocking screen.",
    {
      label: "Violent events",
    },
  ),
  spec(
    "true_terror_share",
    "share 0–1",
    "none",
    "Share of violent events whose truth is terrorism (0 with no events).",
    { label: "Violence that was terrorism" },
  ),
  spec(
    "attributed_terror_share",
    "share 0–1",
    "none",
    "Share of violent events the government labelled terrorism (0 with no events).",
    { label: "Violence the state called terrorism" },
  ),
  spec(
    "misattribution_rate",
    "share 0–1",
    "lower",
    "Share of violent events labelled other than their truth.",
  ),
  spec("crackdowns", "events", "none", "Crackdowns after an event labelled terrorist."),
  spec(
    "misattributed_crackdowns",
    "events",
    "lower",
    "Crackdowns after an event wrongly labelled terrorist.",
  ),
  spec(
    "corridor_violence_share",
    "share 0–1",
    "none",
    "Share of violent events on main-route cells (cells that carried ≥ mainRouteShare of all heroin sent).",
  ),
  spec(
    "violence_burstiness",
    "1 (−1 to 1)",
    "none",
    "Burstiness B = (σ − μ)/(σ + μ) of the days between violent events: −1 clockwork, 0 Poisson, toward 1 bursts.",
  ),
  spec(
    "deaths_tj_kg_kz",
    "people",
    "lower",
    "Deaths (casualties of every side) in violent events in Tajikistan, Kyrgyzstan and Kazakhstan.",
  ),
  spec(
    "terror_labelled_central_asia",
    "events",
    "none",
    "Attacks (events the state did not start) labelled terrorist in TJ, KG, KZ, UZ and TM (against the ~2 a year observed).",
  ),
  spec(
    "alliance_troop_days",
    "troop-days",
    "lower",
    "Troop-days the alliance forces spent: ready troops kept in position or on standby, within the budget.",
    { label: "Alliance troop-days" },
  ),
  spec(
    "alliance_troop_days_deployed",
    "troop-days",
    "lower",
    "Troop-days of contingents out (in transit or in position).",
  ),
  spec(
    "alliance_screens_moved",
    "screens",
    "none",
    "Drill screens moved to the crossing a marching column will use (the drill's reserves).",
  ),
  spec(
    "alliance_invitations",
    "decisions",
    "none",
    "Hosts' decisions to invite a force they have no standing invitation from (non-interference: consent.ts).",
  ),
  spec("alliance_acceptances", "decisions", "none", "Invitations a force accepted."),
  spec(
    "alliance_refusals",
    "decisions",
    "none",
    "Invitations a force refused: the threat looked criminal or internal, or its budget was spent.",
  ),
  spec(
    "alliance_posture_shifts",
    "contingents",
    "none",
    "Contingents moved between drill and route-control at re-plans by what the alliance believes the threat is.",
  ),
  spec(
    "alliance_overlap_share",
    "share 0–1",
    "lower",
    "Cells covered by two or more forces over cells covered, on the last day (overlap is waste).",
  ),
  spec(
    "seizures_per_1000_troop_days",
    "events/1000 troop-days",
    "higher",
    "Seizure events per 1000 alliance troop-days.",
  ),
  spec(
    "insurgent_losses_per_1000_troop_days",
    "fighters/1000 troop-days",
    "none",
    "Fighters the bands lost per 1000 alliance troop-days.",
  ),
];
