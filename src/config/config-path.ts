/** One step into a config value: a mapping key or a list index (0-based). */
export type PathSegment = string | number;

/**
 * Format a key path for people: keys joined with dots, list indices in
 * brackets, e.g. `["review", "holidays", 0]` → `review.holidays[0]`.
 *
 * @returns `""` for the empty path (the whole file).
 */
export function formatKeyPath(path: readonly PathSegment[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? segment : `.${segment}`;
  }
  return text;
}

/** True for a non-null object that is not an array (what YAML mappings become). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when `record` has `key` as an own property (so `__proto__` is never mistaken for a key). */
export function hasOwnKey(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * Set an own, enumerable property, even for keys such as `__proto__` that a
 * plain assignment would turn into a prototype change.
 */
export function defineKey(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The value at `path` inside `root`, following own properties and list indices only.
 *
 * @returns `{ found: false }` when some step is missing.
 */
export function valueAt(root: unknown, path: readonly PathSegment[]): { found: true; value: unknown } | { found: false } {
  let current: unknown = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number" && segment < current.length) {
      current = current[segment];
    } else if (isRecord(current) && hasOwnKey(current, String(segment))) {
      current = current[String(segment)];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/**
 * Remove what `path` points at from `root` (mutating it). When the path is not
 * there, its nearest present ancestor is removed instead, so whatever caused a
 * problem at `path` is gone either way. A list item removes the whole list: a
 * list with one glob dropped could mean something else, so it falls back as a whole.
 *
 * @param root a mapping (the merged config) that is changed in place
 * @param path where the problem is
 * @returns `false` when nothing below the root could be removed (the path is
 *   empty or its first key is absent): the caller resets the whole config.
 */
export function removeAt(root: Record<string, unknown>, path: readonly PathSegment[]): boolean {
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === "number") end -= 1;
  const keyPath = path.slice(0, end);
  for (let length = keyPath.length; length > 0; length -= 1) {
    const parent = valueAt(root, keyPath.slice(0, length - 1));
    const key = String(keyPath[length - 1]);
    if (parent.found && isRecord(parent.value) && hasOwnKey(parent.value, key)) {
      delete parent.value[key];
      return true;
    }
  }
  return false;
}
