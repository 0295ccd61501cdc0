/**
 * The hand-written inputs of the map build, as zod schemas: province attributes and markets
 * (`central-asia.provinces.yaml`), crossings and roads (`central-asia.network.yaml`) and the
 * mountain-range rule (`central-asia.terrain.yaml`). Numbers carry their sources as YAML comments
 * next to them; the schemas keep every number in range so a typo cannot reach a run.
 */
import { z } from "zod";
import { COUNTRIES } from "./names.js";

const unit = z.number().min(0).max(1);
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);

/** A named point. */
export const placeSchema = z.strictObject({ name: z.string().min(1), lat, lon });

/** Defaults for every province of one country. */
export const countrySchema = z.strictObject({
  stateCapacity: unit.describe("0–1: reach of police, border guards and courts"),
  legitimacy: unit.describe("0–1: popular acceptance of the state"),
  corruption: unit.describe("0–1: share of officials open to payment"),
  populationSource: z.string().min(1).describe("where the province populations of this country come from"),
});

/** One province's attributes (country defaults apply where a field is left out). */
export const provinceAttrSchema = z.strictObject({
  capital: placeSchema.describe("administrative seat (may lie outside the map box)"),
  population: z.strictObject({ value: z.int().min(0), year: z.int().min(1950).max(2100) }),
  hardship: unit.describe("0–1: poverty and lack of licit income"),
  ruggedness: unit.describe("0–1: how hard the ground is to move through and police"),
  stateCapacity: unit.optional(),
  legitimacy: unit.optional(),
  corruption: unit.optional(),
  heroinSource: unit.optional().describe("0–1: relative weight of the province as an opiate source"),
});

/**
 * A heroin market: a city market of a province of the map (id = the province's ISO 3166-2 code),
 * trading at its link cells, or a sink off the map (id = a country code) reached through them.
 */
export const marketSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/)
    .describe("province ISO 3166-2 code (city market) or ISO 3166-1 country code (off-map sink)"),
  name: z.string().min(1),
  demand: z.number().min(0).describe("heroin consumed per year, tonnes"),
  price: z.number().min(0).describe("wholesale heroin price at the market, US$ per kg"),
  links: z.array(placeSchema).min(1).describe("points whose cells trade with, or lead to, the market"),
});

/** `central-asia.provinces.yaml`. */
export const provincesFileSchema = z.strictObject({
  asOf: z.iso.date().describe("date the attributes were compiled; the map's provenance date"),
  countries: z.record(z.enum(COUNTRIES), countrySchema),
  provinces: z.record(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/), provinceAttrSchema),
  markets: z.array(marketSchema),
});

/** A border crossing: a point that the build snaps to a cell on the border of its two countries. */
export const crossingSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.enum(["official", "informal"]),
  countries: z.tuple([z.enum(COUNTRIES), z.enum(COUNTRIES)]),
  lat,
  lon,
});

/** A road as a polyline of named points. */
export const roadSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  via: z.array(placeSchema).min(2),
});

/** `central-asia.network.yaml`. */
export const networkFileSchema = z.strictObject({
  crossings: z.array(crossingSchema).min(1),
  roads: z.array(roadSchema),
});

/** A mountain range as the polyline of its crest (summits and passes). */
export const rangeSchema = z.strictObject({
  name: z.string().min(1),
  crest: z.array(placeSchema).min(2),
});

/** `central-asia.terrain.yaml`: ruggedness near a crest rises towards `crestRuggedness`. */
export const terrainFileSchema = z.strictObject({
  crestRuggedness: unit,
  reachDeg: z.number().positive().describe("distance from the crest, degrees, at which the rise ends"),
  ranges: z.array(rangeSchema).min(1),
});

/** Parsed province file. */
export type ProvincesFile = z.output<typeof provincesFileSchema>;
/** Parsed network file. */
export type NetworkFile = z.output<typeof networkFileSchema>;
/** Parsed terrain file. */
export type TerrainFile = z.output<typeof terrainFileSchema>;
