/** Bounded inputs end to end: command-line bounds as in files, devices and pipes refused at once. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT } from "./cli.js";

const MAIN = fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url));
/** `pamir ...args`, killed after 20 s (a hang shows as code -1). */
function pamir(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 20_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), "pamir-e2e-bounds-"));

describe("bounded inputs", () => {
  it("refuses --seed 1e20 and --ticks 1e20 as a scenario file would, with exit 2", () => {
    for (const [k, v] of [
      ["--seed", "1e20"],
      ["--ticks", "1e20"],
      ["--ticks", "2000000"],
    ] as const) {
      const r = pamir("run", "scenarios/wolf-sheep-small.yaml", k, v);
      expect(r.code, `${k} ${v}`).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${k} must be an integer ≥ 0 and ≤ \\d+`));
    }
  });

  it("refuses a FIFO named as a scenario at once, located, instead of waiting for a writer", () => {
    const fifo = join(tmp(), "scenario.json");
    execFileSync("mkfifo", [fifo]);
    const r = pamir("validate", fifo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${fifo}:0:0  (file)  is not a regular file (a device, pipe or socket)`);
  });

  it("refuses a study whose scenario is /dev/zero at the scenario line, having read nothing", () => {
    const dir = tmp();
    writeFileSync(join(dir, "s.yaml"), "name: z\nscenario: /dev/zero\n");
    const r = pamir("validate", join(dir, "s.yaml"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `s.yaml:2:11  scenario  is not a regular file (a device, pipe or socket): /dev/zero`,
    );
  });
});
