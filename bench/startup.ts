/**
 * Start-up bench: wall time of `pamir --version` and `pamir --help` in fresh processes (what a
 * user and shell completion wait for), next to a bare `node -e ""` on the same machine, the three
 * interleaved so load from other work hits them alike; the median of each, in wall time and in
 * the children's CPU time. Target: under 150 ms.
 * Run alone to compare two builds: `node dist/bench/startup.js [--runs=N] [--before=<other main.js>]`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { machine, median } from "./measure.js";

const MAIN = fileURLToPath(new URL("../src/cli/main.js", import.meta.url));

/**
 * CPU ms (user + system) of the finished children of this process so far, from /proc (Linux, 10 ms
 * ticks), or NaN elsewhere: unlike wall time it hardly grows when other work shares the cores.
 */
function childCpuMs(): number {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th.
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Wall-clock and CPU ms of one fresh process running `args`; throws if it fails. */
function timed(args: string[]): { wall: number; cpu: number } {
  const cpu = childCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return { wall, cpu: childCpuMs() - cpu };
}

/** A build to time: a label and its main.js. */
export interface Build {
  label: string;
  main: string;
}

/** The medians of `runs` interleaved rounds, one line per figure; `builds` default to this one. */
export function benchStartup(
  quick: boolean,
  runs = quick ? 3 : 15,
  builds: Build[] = [{ label: "pamir", main: MAIN }],
): string[] {
  const cases: [string, string[]][] = [
    ['node -e ""', ["-e", ""]],
    ...builds.flatMap((b): [string, string[]][] => [
      [`${b.label} --version`, [b.main, "--version"]],
      [`${b.label} --help`, [b.main, "--help"]],
    ]),
  ];
  const times = cases.map((): { wall: number; cpu: number }[] => []);
  for (let k = 0; k < runs; k++) for (const [i, [, args]] of cases.entries()) times[i]!.push(timed(args));
  return cases.map(([name], i) => {
    const wall = times[i]!.map((t) => t.wall);
    const cpu = median(times[i]!.map((t) => t.cpu));
    const range = `${Math.min(...wall).toFixed(0)}–${Math.max(...wall).toFixed(0)}`;
    return `${name}: median ${median(wall).toFixed(0)} ms wall (range ${range}), ${cpu.toFixed(0)} ms CPU, over ${runs} fresh processes`;
  });
}

// Run on its own (not imported by bench/run.ts): this build, and with --before=<main.js> another
// build (e.g. an older commit's) interleaved with it.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const runs = arg("runs") ? Number(arg("runs")) : undefined;
  const before = arg("before");
  const builds = [
    ...(before ? [{ label: "before", main: before }] : []),
    { label: before ? "after" : "pamir", main: MAIN },
  ];
  console.log(`pamir start-up — ${machine()}`);
  for (const l of benchStartup(process.argv.includes("--quick"), runs, builds)) console.log(`  ${l}`);
}
