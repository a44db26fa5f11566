import { defineKey, hasOwnKey, isRecord } from "./config-path.js";

/**
 * Deep-merge config files, least specific first (defaults from an extended
 * file, then the repository's own file): mappings merge key by key, the later
 * (more specific) value wins, and lists replace rather than concatenate, so a
 * team that lists its own `tests.source` globs gets exactly those.
 *
 * A key set to `undefined` (an empty `key:` in YAML) is "not set": it keeps
 * the earlier file's value. The key itself is kept, so the schema still sees
 * and reports unknown keys. Keys are copied as own properties, so a `__proto__`
 * key in YAML stays a key and never changes an object's prototype.
 *
 * @param layers parsed mappings, least specific first; not modified
 * @returns a new mapping (lists are shared with the inputs, not copied)
 */
export function mergeConfigLayers(layers: readonly Record<string, unknown>[]): Record<string, unknown> {
  let merged: Record<string, unknown> = {};
  for (const layer of layers) merged = mergeTwo(merged, layer);
  return merged;
}

function mergeTwo(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(base)) defineKey(result, key, base[key]);
  for (const key of Object.keys(over)) {
    const value = over[key];
    const previous = hasOwnKey(result, key) ? result[key] : undefined;
    if (value === undefined) {
      if (!hasOwnKey(result, key)) defineKey(result, key, undefined);
    } else if (isRecord(value)) {
      defineKey(result, key, mergeTwo(isRecord(previous) ? previous : {}, value));
    } else {
      defineKey(result, key, value);
    }
  }
  return result;
}
