import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { validateProposedConfig } from "../src/config/validate-proposed-config.js";
import { createMatcher } from "../src/glob/match-globs.js";
import { MAX_CONFIG_ENTRIES } from "../src/model/config-limits.js";

// `npm run bench:hostile`: how long the worst inputs within (and past) the config limits hold the
// event loop, each in a fresh process (cold: modules just loaded, nothing compiled yet) and then
// again in the same process (warm). Issue 10's target: about 100 ms per job at most.

const URL_OF_FILE = "https://github.com/acme/widgets/blob/HEAD/.github/eng-health.yml";
/** The shape of the glob that stalled the process for 101 s (whole, it has 18 wildcards and is refused), cut to the limit. */
const AT_WILDCARD_LIMIT = "**/**/**/*a*a*a*a*b";

const CASES: Record<string, () => unknown> = {
  [`proposed config at the limit (${MAX_CONFIG_ENTRIES - 1} unknown keys)`]: () =>
    validateProposedConfig({ text: ["tests:", ...Array.from({ length: MAX_CONFIG_ENTRIES - 2 }, (_, i) => `  unknown_${i}: 1`)].join("\n"), url: URL_OF_FILE }),
  "proposed config past the limit (20,000 keys, refused unparsed)": () =>
    validateProposedConfig({ text: ["tests:", ...Array.from({ length: 20_000 }, (_, i) => `  k${i}: 1`)].join("\n"), url: URL_OF_FILE }),
  "a glob at the wildcard limit (8), against 3,000 paths of 44 to 93 characters": () => {
    const matches = createMatcher([AT_WILDCARD_LIMIT]);
    for (let i = 0; i < 3_000; i += 1) matches(`src/${"a".repeat(40 + (i % 50))}.ts`);
  },
};

function timeOnce(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

if (process.argv[2] === "--case") {
  const work = CASES[process.argv[3] as string];
  if (!work) throw new Error(`no case ${process.argv[3]}`);
  const cold = timeOnce(work);
  const warm = timeOnce(work);
  process.stdout.write(JSON.stringify({ cold, warm }));
} else {
  console.log(`eng-health hostile-input benchmark, Node ${process.version}: milliseconds the event loop is held (one synchronous run)\n`);
  console.log("| input | cold (fresh process) | warm |\n|---|---:|---:|");
  for (const name of Object.keys(CASES)) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--case", name], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(child.stderr);
    const { cold, warm } = JSON.parse(child.stdout) as { cold: number; warm: number };
    console.log(`| ${name} | ${cold.toFixed(0)} ms | ${warm.toFixed(0)} ms |`);
  }
}
