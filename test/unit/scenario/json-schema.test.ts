/** The published JSON Schema comes from the same zod schema as validation, one branch per model. */
import { describe, expect, it } from "vitest";
import { MODELS } from "../../../src/models/registry.js";
import { scenarioJsonSchema } from "../../../src/scenario/schema.js";

type Json = Record<string, unknown>;

describe("scenarioJsonSchema", () => {
  const schema = scenarioJsonSchema();
  const branches = ((schema.oneOf ?? schema.anyOf) as Json[] | undefined) ?? [];

  it("is plain JSON of draft 2020-12", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("has one branch per registered model, each a closed object requiring model", () => {
    expect(branches).toHaveLength(MODELS.length);
    for (const [i, m] of MODELS.entries()) {
      const b = branches[i]!;
      const props = b.properties as Record<string, Json>;
      expect(b.type).toBe("object");
      expect(b.additionalProperties).toBe(false);
      expect(b.required).toEqual(["model"]);
      expect(props.model!.const).toBe(m.name);
      expect(props.ticks!.default).toBe(m.defaultTicks);
      expect((props.params as Json).additionalProperties).toBe(false);
      expect("map" in props).toBe(m.usesMap);
    }
  });

  it("describes the map: closed, one-character legend keys, province required", () => {
    const withMap = branches.find((b) => "map" in (b.properties as Json))!;
    // `map:` is inline ASCII art or the path of a map file.
    const forms = (withMap.properties as Record<string, Json>).map!.anyOf as Json[];
    expect(forms.map((f) => f.type)).toEqual(["object", "string"]);
    expect(forms[1]!.pattern).toMatch(/json/);
    const map = forms[0]!;
    const legend = (map.properties as Record<string, Json>).legend!;
    expect(map.additionalProperties).toBe(false);
    expect(map.required).toEqual(["ascii", "legend"]);
    expect(legend.propertyNames).toMatchObject({ minLength: 1, maxLength: 1 });
    expect((legend.additionalProperties as Json).required).toEqual(["province"]);
    expect((legend.additionalProperties as Json).additionalProperties).toBe(false);
  });

  it("carries the params' descriptions and bounds for editors", () => {
    const schelling = branches.find(
      (b) => (b.properties as Record<string, Json>).model!.const === "schelling",
    )!;
    const params = (schelling.properties as Record<string, Json>).params!;
    const radius = (params.properties as Record<string, Json>).radius!;
    expect(radius).toMatchObject({ type: "integer", minimum: 1, maximum: 50, default: 1 });
    expect(typeof radius.description).toBe("string");
  });
});
