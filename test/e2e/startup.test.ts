/**
 * Start-up: `pamir --version` loads nothing but main.ts and the version; `--help` and shell
 * completion load only yargs and the commands' light specs (src/cli/<command>/spec.ts), never a command's implementation, the engine, the
 * models, zod, mathjs or vega; and the completion command and `--get-yargs-completions` work.
 * (How fast that makes them is measured by bench/startup.ts, not asserted here.)
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const MAIN = fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url));
const DIST_SRC = fileURLToPath(new URL("../../dist/src/", import.meta.url));

/** A module hook that names every module the process loads, one `LOADED <url>` line on stderr each. */
const HOOKS = `export async function resolve(s, c, next) {
  const r = await next(s, c);
  process.stderr.write("LOADED " + r.url + "\\n");
  return r;
}`;
const REGISTER = `import { register } from "node:module";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

/** The modules `pamir ...args` loads: npm packages by name, project files relative to dist/src. */
function loaded(...args: string[]): { packages: Set<string>; sources: Set<string>; stdout: string } {
  const r = spawnSync(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(REGISTER)}`, MAIN, ...args],
    { cwd: ROOT, encoding: "utf8" },
  );
  expect(r.status, r.stderr).toBe(0);
  const urls = [...r.stderr.matchAll(/^LOADED (file:\S+)$/gm)].map((m) => fileURLToPath(m[1]!));
  const packages = new Set(
    urls.flatMap((u) => {
      const m = u.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
      return m ? [m[1]!] : [];
    }),
  );
  const sources = new Set(urls.filter((u) => u.startsWith(DIST_SRC)).map((u) => u.slice(DIST_SRC.length)));
  return { packages, sources, stdout: r.stdout };
}

/** The dependencies package.json declares. */
const DEPENDENCIES = Object.keys(
  (
    JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      dependencies: Record<string, string>;
    }
  ).dependencies,
);

/** Project modules outside src/cli that a spec may use: constants, for options' bounds and defaults. */
const LIGHT_CONSTANTS = new Set(["scenario/limits.js", "queue/limits.js", "stats/defaults.js"]);

describe("pamir start-up", () => {
  it("pamir --version loads no dependency and no command", () => {
    const { packages, sources, stdout } = loaded("--version");
    expect(stdout.trim()).toBe(
      JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version,
    );
    expect([...packages]).toEqual([]);
    expect(
      [...sources].filter(
        (s) => !["cli/main.js", "cli/version.js", "cli/errors.js", "cli/command-spec.js"].includes(s),
      ),
    ).toEqual([]);
  });

  for (const args of [["--help"], ["--get-yargs-completions", "pamir", "run", "--"]]) {
    it(`pamir ${args.join(" ")} loads yargs and the command specs only`, () => {
      const { packages, sources } = loaded(...args);
      expect(DEPENDENCIES.filter((d) => packages.has(d))).toEqual(["yargs"]);
      const outside = [...sources].filter((s) => !s.startsWith("cli/") && !LIGHT_CONSTANTS.has(s));
      expect(outside).toEqual([]);
      const implementations = [...sources].filter((s) => s.startsWith("cli/") && s.endsWith("/command.js"));
      expect(implementations).toEqual([]);
      // The specs themselves are loaded: every command is registered.
      expect([...sources].filter((s) => s.endsWith("/spec.js")).length).toBeGreaterThan(10);
    });
  }

  it("loads the chosen command's implementation when it runs", () => {
    const { sources, stdout } = loaded("schema");
    expect(sources.has("cli/schema/command.js")).toBe(true);
    expect(sources.has("cli/run/command.js")).toBe(false);
    expect(JSON.parse(stdout)).toHaveProperty("$schema");
  });
});

describe("pamir completion", () => {
  it("prints a bash completion script that asks pamir for completions", () => {
    const r = spawnSync(process.execPath, [MAIN, "completion"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, SHELL: "/bin/bash" },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/complete .*-F _pamir_yargs_completions pamir/);
    expect(r.stdout).toMatch(/pamir --get-yargs-completions/);
  });

  it("prints a zsh script under zsh", () => {
    const r = spawnSync(process.execPath, [MAIN, "completion"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, SHELL: "/usr/bin/zsh" },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^#compdef pamir/);
  });

  it("completes command names, and a command's options", () => {
    const names = pamir("--get-yargs-completions", "pamir", "");
    expect(names.code).toBe(0);
    const listed = names.stdout.trim().split("\n");
    for (const c of ["run", "validate", "schema", "study", "report", "completion"])
      expect(listed).toContain(c);
    const options = pamir("--get-yargs-completions", "pamir", "run", "--");
    expect(options.stdout.trim().split("\n")).toEqual(
      expect.arrayContaining(["--seed", "--ticks", "--json"]),
    );
  });
});
