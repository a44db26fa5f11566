/**
 * Expand a glob's brace lists into the globs they stand for, as a shell does:
 * `src/{app,lib}/*.ts` → `src/app/*.ts`, `src/lib/*.ts`; nested lists expand
 * too (`{a,b{c,d}}` → `a`, `bc`, `bd`). Only lists with a comma expand; a
 * brace pair without one (`{a}`), an unclosed `{` and a backslash-escaped
 * brace stay as they are. Ranges (`{1..3}`) are not expanded.
 *
 * @param glob one glob
 * @param max most globs to return: expanding stops there (`{a,b}{c,d}…` grows
 *   exponentially), and `complete` is false
 * @returns the globs, in order, and whether every one was produced
 */
export function expandBraces(glob: string, max: number): { globs: string[]; complete: boolean } {
  const globs: string[] = [];
  let complete = true;
  const pending = [glob];
  while (pending.length > 0) {
    const next = pending.shift() as string;
    const list = firstBraceList(next);
    if (list === null) {
      if (globs.length >= max) {
        complete = false;
        break;
      }
      globs.push(next);
      continue;
    }
    const head = next.slice(0, list.start);
    const tail = next.slice(list.end + 1);
    // Depth first, so the queue holds one list's options per level, never the whole product.
    pending.unshift(...list.options.map((option) => `${head}${option}${tail}`));
  }
  return { globs, complete };
}

/** The first `{…}` with a top-level comma: where it starts and ends, and its options (nested lists left for the next round). */
function firstBraceList(glob: string): { start: number; end: number; options: string[] } | null {
  for (let start = 0; start < glob.length; start += 1) {
    if (glob[start] === "\\") {
      start += 1;
      continue;
    }
    if (glob[start] !== "{") continue;
    let depth = 0;
    const cuts: number[] = [];
    for (let index = start; index < glob.length; index += 1) {
      const char = glob[index];
      if (char === "\\") {
        index += 1;
      } else if (char === "{") {
        depth += 1;
      } else if (char === "}") {
        depth -= 1;
        if (depth === 0) {
          if (cuts.length === 0) break;
          const bounds = [start, ...cuts, index];
          const options = bounds.slice(1).map((end, i) => glob.slice((bounds[i] as number) + 1, end));
          return { start, end: index, options };
        }
      } else if (char === "," && depth === 1) {
        cuts.push(index);
      }
    }
  }
  return null;
}
