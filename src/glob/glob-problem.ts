import { MAX_GLOB_ALTERNATIVES, MAX_GLOB_CHARS, MAX_GLOB_WILDCARDS } from "../model/config-limits.js";
import { expandBraces } from "./expand-braces.js";

/** `+(…)`, `*(…)`, `?(…)`, `@(…)`, `!(…)`: bash's extended globs, which `compileGlob` does not read. */
const EXTENDED_GLOB = /(?<!\\)[+*?@!]\(/;
/** `[[:alpha:]]` and friends. */
const POSIX_CLASS = /\[\[:[a-z]+:\]/;

/**
 * What is wrong with a glob from the config, as the end of a sentence that
 * starts with its key ("`tests.source[0]` must …"), or `null` when it can be
 * used. The limits ({@link MAX_GLOB_CHARS}, {@link MAX_GLOB_WILDCARDS},
 * {@link MAX_GLOB_ALTERNATIVES}) keep each path comparison cheap; extended
 * globs and POSIX classes are refused because `compileGlob` would read them
 * literally. Linear in the glob's length.
 *
 * @param glob one glob, a leading `!` (exclusion) allowed
 */
export function globProblem(glob: string): string | null {
  if (glob.length > MAX_GLOB_CHARS) return `must be at most ${MAX_GLOB_CHARS} characters long; it has ${glob.length}`;
  const wildcards = countWildcards(glob);
  if (wildcards > MAX_GLOB_WILDCARDS) {
    return `must have at most ${MAX_GLOB_WILDCARDS} wildcards (each \`*\`, \`**\` and \`?\` counts one), since each one multiplies the work of matching every changed file; it has ${wildcards}`;
  }
  const extended = EXTENDED_GLOB.exec(glob);
  if (extended) return `must not use extended globs such as \`${extended[0]}…)\`, which eng-health does not support (\`{a,b}\` lists and separate globs do the same)`;
  if (POSIX_CLASS.test(glob)) return "must not use POSIX classes such as `[[:alpha:]]`, which eng-health does not support (`[a-z]` does the same)";
  if (!expandBraces(glob, MAX_GLOB_ALTERNATIVES).complete) {
    return `must expand to at most ${MAX_GLOB_ALTERNATIVES} patterns; its \`{a,b}\` lists make more (could it be split into separate globs?)`;
  }
  return null;
}

/** `*` runs (so `**` is one), and `?`, not counting backslash-escaped ones. */
function countWildcards(glob: string): number {
  let count = 0;
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index];
    if (char === "\\") index += 1;
    else if (char === "?" || (char === "*" && glob[index - 1] !== "*")) count += 1;
  }
  return count;
}
