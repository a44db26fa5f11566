import { isAlias, isMap, isNode, isScalar, isSeq } from "yaml";
import type { Alias, Document, Node, YAMLError, YAMLMap } from "yaml";
import { formatKeyPath } from "./config-path.js";
import type { PathSegment } from "./config-path.js";
import { inlineCode, shorten, showValue } from "./inline-code.js";

/**
 * Reading a parsed YAML document of `.github/eng-health.yml`: walking key
 * paths to their lines, finding tags outside the core schema and aliases, and
 * wording yaml's own errors for people. Pure.
 */

// The YAML 1.2 core schema's tags. Anything else (`!!js/function`,
// `!!python/object`, `!!binary`, `!custom`) is never resolved: `yaml` leaves
// the value as plain data and we drop it with an error.
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((name) => `tag:yaml.org,2002:${name}`));
// The non-specific tag `!` just means "a string".
const NON_SPECIFIC_TAG = "!";
const YAML_TAG_PREFIX = "tag:yaml.org,2002:";

/** One step of a key path through the document: the mapping key (none for a list item) and the value. */
export interface Step {
  key: Node | null;
  value: Node | null;
}

/** Follow `path` through the document's nodes; stops at the first missing step (or an alias). */
export function walkPath(doc: Document, path: readonly PathSegment[]): Step[] {
  const steps: Step[] = [];
  let node: unknown = doc.contents;
  for (const segment of path) {
    const step = childStep(node, segment);
    if (!step) break;
    steps.push(step);
    node = step.value;
  }
  return steps;
}

/** Each mapping's scalar keys by their text (the first one wins), built on first use: a walk costs one lookup per step. */
const keyIndexes = new WeakMap<object, Map<string, Step>>();

function keyIndex(node: YAMLMap): Map<string, Step> {
  let index = keyIndexes.get(node);
  if (index === undefined) {
    index = new Map();
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const text = String(pair.key.value);
      if (!index.has(text)) index.set(text, { key: pair.key, value: isNode(pair.value) ? pair.value : null });
    }
    keyIndexes.set(node, index);
  }
  return index;
}

function childStep(node: unknown, segment: PathSegment): Step | null {
  if (isMap(node)) {
    return keyIndex(node).get(String(segment)) ?? null;
  } else if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment];
    if (isNode(item)) return { key: null, value: item };
  }
  return null;
}

/** Every node (value or key) with a tag outside the core schema, with the key path it sits at. */
export function detectUnsupportedTags(doc: Document): { path: PathSegment[]; node: Node }[] {
  const found: { path: PathSegment[]; node: Node }[] = [];
  const isUnsupported = (node: unknown): node is Node =>
    isNode(node) && !isAlias(node) && node.tag !== undefined && node.tag !== NON_SPECIFIC_TAG && !CORE_TAGS.has(node.tag);
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (isUnsupported(node)) {
      found.push({ path, node });
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyPath = [...path, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)];
        if (isUnsupported(pair.key)) found.push({ path: keyPath, node: pair.key });
        else visit(pair.value, keyPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index]));
    }
  };
  visit(doc.contents, []);
  return found;
}

/** The key path of the mapping key that starts at `offset` (where yaml reports a duplicate key). */
export function keyPathAtOffset(doc: Document, offset: number): PathSegment[] | null {
  let result: PathSegment[] | null = null;
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (result) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const keyPath = [...path, String(pair.key.value)];
        if (pair.key.range?.[0] === offset) {
          result = keyPath;
          return;
        }
        visit(pair.value, keyPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index]));
    }
  };
  visit(doc.contents, []);
  return result;
}

/**
 * The first key set twice in the same mapping, in document order, with its key
 * path; `null` when every mapping's keys are distinct. Keys are compared as
 * yaml's `uniqueKeys` does (scalars by value; other keys never repeat), in one
 * pass with a set per mapping.
 */
export function firstDuplicateKey(doc: Document): { path: PathSegment[]; node: Node } | null {
  let found: { path: PathSegment[]; node: Node } | null = null;
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (found) return;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          found = { path: [...path, String(pair.key.value)], node: pair.key };
          return;
        }
        seen.add(pair.key.value);
      }
      for (const pair of node.items) visit(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index]));
    }
  };
  visit(doc.contents, []);
  return found;
}

/** The line of the first alias (`*name`) in the document, by `nodeLine`. */
export function firstAliasLine(doc: Document, nodeLine: (node: Node | null) => number | null): number | null {
  let first: Node | null = null;
  const visit = (node: unknown): void => {
    if (first) return;
    if (isAlias(node)) first = node;
    else if (isMap(node)) for (const pair of node.items) visit(pair.value);
    else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  return nodeLine(first);
}

/** The first alias whose anchor is not set before it (yaml only notices while converting). */
export function firstUnresolvedAlias(doc: Document): Alias | null {
  let found: Alias | null = null;
  const visit = (node: unknown): void => {
    if (found) return;
    if (isAlias(node)) {
      if (node.resolve(doc) === undefined) found = node;
    } else if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key);
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);
  return found;
}

/** `tag:yaml.org,2002:js/function` → `!!js/function`; local tags (`!custom`) stay as they are. */
export function showTag(tag: string): string {
  return tag.startsWith(YAML_TAG_PREFIX) ? `!!${tag.slice(YAML_TAG_PREFIX.length)}` : tag;
}

/** A value as a message names it: "a list", "the text `x`", or the value in code. */
export function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text ${inlineCode(showValue(value))}`;
  return inlineCode(showValue(value));
}

const YAML_HINTS: Partial<Record<YAMLError["code"], string>> = {
  TAB_AS_INDENT: "Could you indent with spaces instead of tabs?",
  MULTIPLE_DOCS: "Could you keep a single document (remove the `---` line, or merge what follows it into the rest)?",
  BAD_ALIAS: "Could you set the anchor (`&name`) before the alias (`*name`) that uses it?",
  MISSING_CHAR: "Could you close the quote or bracket that this line opens?",
};
// yaml's messages are short; the cap only matters when one quotes a long anchor name.
const MAX_YAML_REASON_CHARS = 200;
const DEFAULT_YAML_HINT =
  "Could you check the indentation and quotes on this line and the lines next to it? Keys at the same level must start in the same column.";

/** A key set twice in one mapping ({@link firstDuplicateKey}); the whole file is ignored. */
export function describeDuplicateKey(path: PathSegment[] | null): string {
  const key = path && path.length > 0 ? `${inlineCode(shorten(formatKeyPath(path)))} is` : "A key is";
  return `${key} set twice in the same mapping, so the whole file is ignored. Which value is meant? Could you keep only that one?`;
}

/** A yaml parse error in plain words, with a fix phrased as a question; the whole file is ignored. */
export function describeYamlError(error: YAMLError, path: PathSegment[] | null): string {
  if (error.code === "DUPLICATE_KEY") return describeDuplicateKey(path);
  const reason = error.message.replace(/[`\r\n]+/g, " ").trim().replace(/\.$/, "").slice(0, MAX_YAML_REASON_CHARS);
  return `This is not valid YAML (${reason}), so the whole file is ignored. ${YAML_HINTS[error.code] ?? DEFAULT_YAML_HINT}`;
}

