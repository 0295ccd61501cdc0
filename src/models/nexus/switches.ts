/**
 * The nexus model's switches: every claim of the essay behind pamir as one parameter with the two
 * values `pamir audit` runs it at (the economy's switches come first: the nexus params extend
 * them). docs/model.md, "Switches and their audit", carries the audit of both default scenarios.
 */
import type { ModelSwitch } from "../../core/model.js";
import { economySwitches } from "../economy/switches.js";

/** The essay's claims about the armed side and the alliance (paths under `params`). */
export const armedSwitches: readonly ModelSwitch[] = [
  {
    path: "threat.criminalShare",
    kind: "range",
    low: 0,
    high: 1,
    claim:
      "The armed groups want the heroin trade (criminal motive), not ideological targets across the border (the drills' threat).",
  },
  {
    path: "threat.drift",
    kind: "range",
    low: 0,
    high: 0.02,
    claim:
      "A band's motive drifts with its revenue mix and what is done to it: one that lives on heroin or bleeds turns criminal, one labelled terrorist and cracked down on turns ideological (convergence).",
  },
  {
    path: "bandRules.tradeAbroad",
    kind: "boolean",
    claim:
      "Armed groups tax the trade only on ground they hold; across a border it belongs to that country's networks and their protectors (the state–crime nexus).",
    note: "Only a band that trades can trade abroad: at criminal share 0 with threat.drift 0 (the purely ideological threat) no band taxes or escorts, so the switch has nothing to act on.",
    // A threat partly criminal: bands that trade, so something to trade abroad.
    given: { path: "threat.criminalShare", value: 0.5 },
  },
  {
    path: "posture",
    kind: "choice",
    values: ["incursion-drill", "route-control"],
    claim:
      "CSTO and SCO forces either rehearse blocking a mass incursion from Afghanistan or work the trafficking corridors with the drug agencies.",
  },
  {
    path: "alliance.coordination",
    kind: "range",
    low: 0,
    high: 1,
    claim: "The CSTO and the SCO plan in isolation, leaving gaps and double coverage (0), or deconflict (1).",
  },
  {
    path: "alliance.forces.0.members",
    kind: "choice",
    values: [
      ["RU", "KZ", "KG", "TJ"],
      ["RU", "KZ", "KG", "TJ", "UZ", "TM"],
    ],
    claim:
      "Uzbekistan and Turkmenistan stay outside the CSTO: its force cannot act there (not even its Kanal work with the drug agencies), and flows and bands can move there.",
    note: "Membership opens a country to the force only through route control's Kanal mandate or the host's invitation: under the drill, a member that never invites (Uzbekistan's sovereignty cost 2 against a threat that stays below 10) is the same as a non-member.",
    // Hosts that invite at the first incidents: then whether Uzbekistan may be entered at all is what differs.
    given: { path: "alliance.activationThreshold", value: 1 },
  },
  {
    path: "alliance.forces.0.invitations",
    kind: "choice",
    values: [[{ country: "TJ", fromDay: 0, toDay: 1_000_000 }], []],
    claim:
      "Non-interference: the CSTO force enters a member only on a standing invitation (Tajikistan hosts it) or an invitation the host decides on and the force accepts.",
  },
  {
    path: "alliance.activationThreshold",
    kind: "range",
    low: 1,
    high: 1000,
    claim:
      "Members are loath to invite the alliance: a host invites only when its threat reaches this level (× its sovereignty cost).",
  },
  {
    path: "alliance.forces.0.troopDayBudget",
    kind: "range",
    low: 100_000,
    high: 300_000,
    claim: "Russia must do more with less: the CSTO force has fewer troop-days to spend.",
  },
  {
    path: "attribution.bias",
    kind: "range",
    low: 0,
    high: 1,
    claim:
      "Governments call criminal violence terrorism, which brings crackdowns and keeps the threat looking ideological.",
  },
  {
    path: "officials.protection.enabled",
    kind: "boolean",
    claim:
      "Officials and ex-commanders protect and run the trade on their turf (the state–crime nexus): fees, shielding from interdiction, violence against rivals and honest units.",
  },
  {
    path: "officials.purge.enabled",
    kind: "boolean",
    claim:
      "The centre purges strongmen who grow too rich or too violent, and the purges are where much of the region's violence comes from (Rasht 2010, Khorog 2012 and 2014, 2015).",
    note: "A purge needs a strongman: with officials.protection.enabled false it has nothing to act on.",
  },
  {
    path: "officials.traffickerFights.chance",
    kind: "range",
    low: 0,
    high: 0.015,
    claim: "Traffickers fight the patrols that refuse their bribes.",
    note: "0.015 is the real-map scenarios' chance, sized to one or two shoot-outs a year there; the corridor's default, 0.002, does the same on its smaller network.",
  },
];

/** Every switch of the nexus model: the economy's, then the armed side's. */
export const nexusSwitches: readonly ModelSwitch[] = [...economySwitches, ...armedSwitches];
