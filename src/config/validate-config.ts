import type { ConfigError, ConfigResult, ConfigSource } from "./config-result.js";
import { formatKeyPath, removeAt, valueAt } from "./config-path.js";
import type { PathSegment } from "./config-path.js";
import { describeConfigIssue, flattenConfigIssues } from "./describe-config-issue.js";
import type { ConfigIssue } from "./describe-config-issue.js";
import { mergeConfigLayers } from "./merge-config-layers.js";
import { parseConfigFile } from "./parse-config-file.js";
import type { ParsedConfigFile } from "./parse-config-file.js";
import { CONFIG_PATH, CONFIG_SECTIONS, configSchema } from "./schema.js";
import type { Config, ConfigSection } from "./schema.js";

export type { ConfigError, ConfigResult, ConfigSource } from "./config-result.js";

/**
 * Validation passes before giving up on repairs. Each pass removes every value
 * the schema rejected; a second pass is only needed when a check on a whole
 * mapping (business hours' start before end) fails after its keys were fixed,
 * so 10 is far more than the schema's four levels of nesting can use.
 */
export const MAX_REPAIR_PASSES = 10;

/**
 * Read, merge and validate config files into the config to use, with a
 * precise error for everything that had to be ignored.
 *
 * - Each file is parsed safely (see `parseConfigFile`): invalid YAML, a
 *   document that is not a mapping or an alias bomb ignores that whole file;
 *   unsupported YAML tags ignore that value.
 * - The files are deep-merged (the more specific wins; lists replace) and
 *   `_extends` is removed. `rollup` is taken from the repository's own file
 *   (`.github/eng-health.yml`) only: a rollup in the organisation's `.github`
 *   repository, or in a file reached through `_extends`, makes one team issue
 *   where it is written, not one in every repository that inherits it.
 * - Each schema problem becomes a {@link ConfigError} pointing at the file and
 *   line where the key was set (for an unknown key, the key itself; when the
 *   key is absent, its nearest parent that is present).
 * - Broken values are removed so that their defaults apply, while the other
 *   keys of the same section still do; what still fails after
 *   {@link MAX_REPAIR_PASSES} resets its section, then the whole config.
 *
 * Pure; never throws.
 *
 * @param files most specific first: the repository's file, then what it extends
 * @returns the config, the errors sorted by file then line, and the files that contributed
 */
export function validateConfig(files: readonly ConfigSource[]): ConfigResult {
  const parsed = files.map(parseConfigFile);
  const errors: ConfigError[] = parsed.flatMap((file) => file.errors);
  const contributing = parsed.filter((file): file is ParsedConfigFile & { value: Record<string, unknown> } => file.value !== null);
  const working = mergeConfigLayers(contributing.map((file) => ownSettings(file)).reverse());

  const reported = new Set<string>();
  const config = repair(working, (issues) => {
    for (const { issue, message } of issues) {
      const error = locateError(contributing, issue.path, message);
      const key = `${error.path}\n${error.keyPath}\n${message}`;
      if (reported.has(key)) continue;
      reported.add(key);
      errors.push(error);
    }
  });

  const order = new Map(files.map((file, index) => [file.path, index]));
  const sorted = errors
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        (order.get(a.error.path) ?? files.length) - (order.get(b.error.path) ?? files.length) ||
        (a.error.line ?? Number.MAX_SAFE_INTEGER) - (b.error.line ?? Number.MAX_SAFE_INTEGER) ||
        a.index - b.index,
    )
    .map(({ error }) => error);

  return { config, errors: sorted, sources: contributing.map((file) => file.source.path) };
}

/** The section that is never inherited (see {@link validateConfig}). */
const OWN_FILE_ONLY_SECTION = "rollup";

/** A file's settings as they take part in the merge: without `rollup` unless it is the repository's own file. */
function ownSettings(file: ParsedConfigFile & { value: Record<string, unknown> }): Record<string, unknown> {
  if (file.source.path === CONFIG_PATH || !Object.hasOwn(file.value, OWN_FILE_ONLY_SECTION)) return file.value;
  const { [OWN_FILE_ONLY_SECTION]: _inherited, ...rest } = file.value;
  return rest;
}

interface DescribedIssue {
  issue: ConfigIssue;
  message: string;
}

/** Validate, removing rejected values until the schema accepts what is left. */
function repair(working: Record<string, unknown>, report: (issues: DescribedIssue[]) => void): Config {
  for (let pass = 0; pass < MAX_REPAIR_PASSES; pass += 1) {
    const result = configSchema.safeParse(working);
    if (result.success) return result.data;
    const issues = flattenConfigIssues(result.error.issues).map((issue) => {
      const found = valueAt(working, issue.path);
      return { issue, message: describeConfigIssue(issue, found.found ? found.value : undefined) };
    });
    report(issues);
    let removedAll = true;
    for (const { issue } of issues) removedAll = removeAt(working, issue.path) && removedAll;
    if (!removedAll) break;
  }
  // Repairs did not converge: reset the sections that still fail, then everything.
  const last = configSchema.safeParse(working);
  if (last.success) return last.data;
  for (const issue of last.error.issues) {
    const [section] = issue.path;
    if (typeof section === "string") delete working[section];
  }
  const reset = configSchema.safeParse(working);
  return reset.success ? reset.data : configSchema.parse({});
}

/** The error for a problem at `path`, placed in the most specific file that sets the most of that path. */
function locateError(files: readonly ParsedConfigFile[], path: readonly PathSegment[], message: string): ConfigError {
  let best: { file: ParsedConfigFile; depth: number; line: number | null } | null = null;
  for (const file of files) {
    const { depth, line } = file.locate(path);
    if (best === null || depth > best.depth) best = { file, depth, line };
  }
  const [first] = path;
  const section = typeof first === "string" && (CONFIG_SECTIONS as readonly string[]).includes(first) ? (first as ConfigSection) : null;
  const source = best?.file.source;
  return {
    path: source?.path ?? "",
    ...(source?.url === undefined ? {} : { url: source.url }),
    line: best?.line ?? null,
    keyPath: formatKeyPath(path),
    message,
    section,
  };
}
