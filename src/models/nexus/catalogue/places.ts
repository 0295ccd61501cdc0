/**
 * Catalogue entries of the people and the per-place columns (`peopleOutcomes` and
 * `provinceOutcomes` in models/nexus/outcomes.ts). Province columns exist for every province with
 * a passable cell, country columns for every country of the world, whatever the seed.
 */
import { type OutcomeSpec, spec } from "../../../core/outcomes.js";

/** People, country and province outcomes. */
export const PLACE_OUTCOMES: readonly OutcomeSpec[] = [
  spec("actives", "agents", "lower", "Citizen agents active (rebelling) at the end.", {
    label: "Active rebels at the end",
  }),
  spec(
    "actives_people",
    "people",
    "lower",
    "Active citizens at the end in people (agents × peoplePerAgent).",
  ),
  spec("jailed", "agents", "none", "Citizen agents in jail at the end."),
  spec("arrests", "events", "none", "Arrests of active citizens by state units over the run."),
  spec(
    "legitimacy_mean",
    "share 0–1",
    "higher",
    "Mean legitimacy at the end over provinces with citizens (unweighted).",
    { label: "Mean legitimacy" },
  ),
  spec(
    "country.{country}.deaths",
    "people",
    "lower",
    "Deaths (casualties of every side) in violent events in this country.",
  ),
  spec(
    "country.{country}.terror_labelled",
    "events",
    "none",
    "Violent events in this country labelled terrorist.",
  ),
  spec("province.{province}.seized_kg", "kg", "higher", "Heroin seized in this province's cells.", {
    label: "Heroin seized",
  }),
  spec(
    "province.{province}.influence_days",
    "days",
    "lower",
    "Days the province was under insurgent influence (influenceFighters fighters there, or a held tax cell).",
    { label: "Insurgent-influence days" },
  ),
  spec("province.{province}.violent_events", "events", "lower", "Violent events in this province.", {
    label: "Violent events",
  }),
  spec(
    "province.{province}.true_terror_share",
    "share 0–1",
    "none",
    "Share of this province's violent events whose truth is terrorism.",
    { label: "True share of violent events that were terrorism" },
  ),
  spec(
    "province.{province}.attributed_terror_share",
    "share 0–1",
    "none",
    "Share of this province's violent events the government labelled terrorism.",
    { label: "Share of violent events the state attributed to terrorism" },
  ),
  spec("province.{province}.legitimacy", "share 0–1", "higher", "The province's legitimacy at the end."),
  spec(
    "province.{province}.actives_people",
    "people",
    "lower",
    "Active citizens in the province at the end, in people.",
  ),
  spec(
    "province.{province}.corridor_cells",
    "cells",
    "none",
    "The province's main-route cells (each carried ≥ mainRouteShare of all heroin sent).",
  ),
];
