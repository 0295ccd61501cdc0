/**
 * Reading the build's inputs: the three YAML files next to the map, and Natural Earth GeoJSON
 * reduced to `SourceFeature`s. This is the file-system edge of the build; problems come back
 * located in their file, at the path inside it.
 */
import { parse } from "yaml";
import type { z } from "zod";
import { formatPath, inFile, type Problem, problem, type Result } from "../../core/problems.js";
import { readText } from "../../core/read-file.js";
import type { SourceFeature } from "./provinces.js";
import type { Ring } from "./rasterise.js";
import {
  type NetworkFile,
  networkFileSchema,
  type ProvincesFile,
  provincesFileSchema,
  type TerrainFile,
  terrainFileSchema,
} from "./sources.js";

/** Parsed inputs, or the problems found in them. */
export type Inputs<T> = Result<T>;

function readYaml<S extends z.ZodType>(file: string, schema: S): Inputs<z.output<S>> {
  const text = readText(file);
  if (!text.ok) return text;
  let data: unknown;
  try {
    data = parse(text.value);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [inFile(problem("yaml", "(yaml)", message), file)] };
  }
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  const problems: Problem[] = r.error.issues.map((i) =>
    inFile(problem("schema", formatPath(i.path), i.message), file),
  );
  return { ok: false, problems };
}

/** The three hand-written inputs for the map `<base>.json`: `<base>.provinces.yaml`, `.network.yaml`, `.terrain.yaml`. */
export function readMapSources(
  base: string,
): Inputs<{ provinces: ProvincesFile; network: NetworkFile; terrain: TerrainFile }> {
  const p = readYaml(`${base}.provinces.yaml`, provincesFileSchema);
  const n = readYaml(`${base}.network.yaml`, networkFileSchema);
  const t = readYaml(`${base}.terrain.yaml`, terrainFileSchema);
  if (p.ok && n.ok && t.ok)
    return { ok: true, value: { provinces: p.value, network: n.value, terrain: t.value } };
  return { ok: false, problems: [p, n, t].flatMap((r) => (r.ok ? [] : r.problems)) };
}

interface GeoFeature {
  properties?: { adm1_code?: unknown; iso_a2?: unknown };
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

/** Natural Earth admin-1 GeoJSON text → features (Polygon and MultiPolygon; other geometries skipped). */
export function naturalEarthFeatures(text: string): SourceFeature[] {
  const fc = JSON.parse(text) as { features?: GeoFeature[] };
  const out: SourceFeature[] = [];
  for (const f of fc.features ?? []) {
    const g = f.geometry;
    const adm1 = f.properties?.adm1_code;
    const isoA2 = f.properties?.iso_a2;
    if (!g || typeof adm1 !== "string" || typeof isoA2 !== "string") continue;
    let rings: Ring[];
    if (g.type === "Polygon") rings = g.coordinates as Ring[];
    else if (g.type === "MultiPolygon") rings = (g.coordinates as Ring[][]).flat();
    else continue;
    out.push({ adm1, isoA2, rings });
  }
  return out;
}
