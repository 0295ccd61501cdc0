/** Provenance: `pamir run --json` records commit, dirty flag, command line and input hashes; a study folder copies its inputs. */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pamir } from "./cli.js";

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("provenance", () => {
  it("pamir run --json records the commit, the dirty flag, the command line and each input's hash", () => {
    const args = ["run", "scenarios/schelling-central-asia.yaml", "--seed", "3", "--ticks", "2", "--json"];
    const r = pamir(...args);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout).provenance;
    expect(p.git).toMatch(/^[0-9a-f]{40}$/);
    expect(typeof p.dirty).toBe("boolean");
    expect(p.command).toEqual(args);
    const map = JSON.parse(r.stdout).provenance.inputs.find((i: { role: string }) => i.role === "map");
    expect(p.inputs[0]).toEqual({
      role: "scenario",
      file: "scenarios/schelling-central-asia.yaml",
      sha256: sha256("scenarios/schelling-central-asia.yaml"),
    });
    expect(map.file).toMatch(/central-asia\.json$/);
    expect(map.sha256).toBe(sha256(map.file));
  });

  it("a study folder holds copies of the study and scenario files the manifest names, with their hashes", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-provenance-"));
    const args = ["study", "test/fixtures/studies/tiny.yaml", "--out", dir, "--quiet"];
    expect(pamir(...args).code).toBe(0);
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(m.format).toBe(2);
    expect(m.command).toEqual(args);
    expect(typeof m.dirty).toBe("boolean");
    expect(m.inputs.map((i: { role: string; file: string }) => [i.role, i.file])).toEqual([
      ["study", "test/fixtures/studies/tiny.yaml"],
      ["scenario", "test/fixtures/studies/tiny-scenario.yaml"],
    ]);
    for (const i of m.inputs) {
      expect(readFileSync(join(dir, i.copy)).equals(readFileSync(i.file))).toBe(true);
      expect(i.sha256).toBe(sha256(i.file));
      expect(i.copy).toBe(`inputs/${i.sha256.slice(0, 16)}-${i.file.split("/").pop()}`);
    }
  });
});
