/**
 * The map file format (`scenarios/maps/*.json`), written once in zod: the build emits it, the
 * loader validates against it. Layers are run-length coded ([value, count] pairs, row-major,
 * row 0 at the north edge), so the file stays small and diffs stay readable.
 */
import { z } from "zod";

// Layers hold thousands of numbers; one custom check keeps the first validation fast (a schema
// per element costs tens of ms cold). decodeRuns then checks counts and coverage.
const runs = z
  .custom<number[]>((v) => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= -1), {
    message: "must be an array of integers ≥ -1",
  })
  .describe("[value, count] pairs, row-major from the north-west cell");
const unit = z.number().min(0).max(1);
const place = z.strictObject({ name: z.string().min(1), lat: z.number(), lon: z.number() });

/**
 * Most columns (and rows) of a map grid. Checked before any layer is built: a 38 KB file could
 * otherwise declare 20 000 × 20 000 cells and make the loader allocate gigabytes. The Central
 * Asia map is 80 × 48; 2000 × 2000 cells cost the loader about 100 MB.
 */
export const MAX_MAP_SIDE = 2000;

/** One province row of the map's table. */
export const provinceRowSchema = z.strictObject({
  iso: z.string().min(1).describe("ISO 3166-2 code"),
  name: z.string().min(1),
  was: z.string().optional().describe("Natural Earth's outdated name or code"),
  country: z.int().min(1).describe("country id (index into countries + 1)"),
  cells: z.int().min(1).describe("number of cells"),
  capital: place.extend({ cell: z.int().min(-1).describe("cell of the capital; -1 when outside the box") }),
  anchor: z
    .int()
    .min(0)
    .describe("the province's seat on the map: capital cell, else its cell nearest the capital"),
  population: z.strictObject({ value: z.int().min(0), year: z.int(), source: z.string() }),
  stateCapacity: unit,
  legitimacy: unit,
  corruption: unit,
  hardship: unit,
  ruggedness: unit,
  heroinSource: unit,
});

/** The map file. */
export const mapDocumentSchema = z.strictObject({
  format: z.literal("pamir-map/1"),
  name: z.string().min(1),
  grid: z.strictObject({
    west: z.number(),
    south: z.number(),
    east: z.number(),
    north: z.number(),
    res: z.number().positive(),
    width: z.int().min(1).max(MAX_MAP_SIDE),
    height: z.int().min(1).max(MAX_MAP_SIDE),
  }),
  countries: z.array(z.strictObject({ iso: z.string().length(2), name: z.string().min(1) })).min(1),
  provinces: z.array(provinceRowSchema).min(1),
  crossings: z.array(
    z.strictObject({
      id: z.string().min(1),
      name: z.string().min(1),
      kind: z.enum(["official", "informal"]),
      countries: z.tuple([z.int().min(1), z.int().min(1)]),
      lat: z.number(),
      lon: z.number(),
      cell: z.int().min(0),
      snapDeg: z.number().min(0).describe("distance from the given point to the cell centre"),
    }),
  ),
  roads: z.array(
    z.strictObject({ id: z.string().min(1), name: z.string().min(1), via: z.array(place).min(2) }),
  ),
  markets: z.array(
    z.strictObject({
      id: z.string().min(1).describe("province ISO code (city market) or country code (off-map sink)"),
      name: z.string().min(1),
      demand: z.number().min(0).describe("heroin consumed per year, tonnes"),
      price: z.number().min(0).describe("wholesale price, US$ per kg"),
      links: z.array(place.extend({ cell: z.int().min(0) })).min(1),
    }),
  ),
  layers: z.strictObject({
    province: runs.describe("province index, -1 outside the region"),
    road: runs.describe("1 where a main road passes, else 0"),
    ruggedness: runs.describe("ruggedness in hundredths, 0–100"),
  }),
  provenance: z.strictObject({
    source: z.string(),
    package: z.string(),
    version: z.string(),
    file: z.string(),
    sha256: z.string(),
    resolution: z.number(),
    date: z.string(),
    notes: z.array(z.string()),
  }),
});

/** A parsed map file. */
export type MapDocument = z.output<typeof mapDocumentSchema>;
/** One province row. */
export type ProvinceRow = z.output<typeof provinceRowSchema>;
