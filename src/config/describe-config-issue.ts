import { z } from "zod";
import type { core } from "zod";
import { formatKeyPath } from "./config-path.js";
import type { PathSegment } from "./config-path.js";
import { inlineCode, shorten, showValue } from "./inline-code.js";
import { configSchema } from "./schema.js";
import { joinWords } from "../text/join-words.js";

/** Suggestions ("Did you mean …?") are offered within this many single-character edits. */
export const MAX_SUGGESTION_DISTANCE = 2;

/** One problem the schema found, at one key path. */
export interface ConfigIssue {
  /** Where the problem is; for an unknown key, the path of that key. */
  path: PathSegment[];
  issue: core.$ZodIssue;
  /** Set when the problem is that this key is not known at `path`'s parent. */
  unknownKey?: string;
}

/**
 * Turn zod's issues into one {@link ConfigIssue} per key path: an
 * `unrecognized_keys` issue becomes one per key, and a union that failed only
 * inside the branch the value was meant for (an object given to
 * `false | { … }`) is replaced by that branch's issues.
 *
 * @param issues from `configSchema.safeParse(…).error.issues`
 * @param prefix the path the issues are relative to (for nested unions)
 */
export function flattenConfigIssues(issues: readonly core.$ZodIssue[], prefix: readonly PathSegment[] = []): ConfigIssue[] {
  const flat: ConfigIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(toSegment)];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) flat.push({ path: [...path, key], issue, unknownKey: key });
    } else if (issue.code === "invalid_union") {
      const matching = issue.errors.filter((branch) => !branch.some(isTypeMismatchAtRoot));
      const [branch] = matching;
      if (matching.length === 1 && branch) flat.push(...flattenConfigIssues(branch, path));
      else flat.push({ path, issue });
    } else {
      flat.push({ path, issue });
    }
  }
  return flat;
}

/**
 * A markdown sentence that names the key, says what it must be and what it is,
 * and suggests a fix, e.g. "`tests.min_changed_lines` must be a whole number;
 * it is `"five"`." or "`reasoning.min_wrods` is not a known key. Did you mean
 * `min_words`?". Values and keys are shown in code spans that cannot break the markdown.
 *
 * @param issue one flattened issue
 * @param value the value found at `issue.path` (`undefined` when absent)
 */
export function describeConfigIssue(issue: ConfigIssue, value: unknown): string {
  const key = inlineCode(shorten(formatKeyPath(issue.path)));
  if (issue.unknownKey !== undefined) {
    const known = knownKeysAt(issue.path.slice(0, -1));
    const suggestion = closest(issue.unknownKey, known);
    if (suggestion !== null) return `${key} is not a known key. Did you mean ${inlineCode(suggestion)}?`;
    return known.length > 0
      ? `${key} is not a known key. The keys here are ${joinWords(known.map(inlineCode))}.`
      : `${key} is not a known key. Could you remove it?`;
  }
  const actual = `it is ${inlineCode(showValue(value))}`;
  const schema = schemaAt(configSchema, issue.path);

  const { issue: zodIssue } = issue;
  switch (zodIssue.code) {
    case "invalid_type": {
      const expected = schema ? describeExpected(schema) : zodIssue.expected;
      const quoteHint =
        schema && unwrap(schema) instanceof z.ZodString && (typeof value === "number" || typeof value === "boolean")
          ? ` Could you put it in quotes (${inlineCode(JSON.stringify(String(value)))})?`
          : "";
      return `${key} must be ${expected}; ${actual}.${quoteHint}`;
    }
    case "invalid_value": {
      const options = zodIssue.values.map((option) => String(option));
      const shown = inlineCode(typeof value === "string" ? shorten(value) : showValue(value));
      const suggestion = typeof value === "string" ? closest(value, options, { prefixes: true }) : null;
      const hint = suggestion === null ? "" : ` Did you mean ${inlineCode(suggestion)}?`;
      const expected = options.length === 1 ? `\`${options[0]}\`` : `one of ${options.join(", ")}`;
      return `${key} must be ${expected}; it is ${shown}.${hint}`;
    }
    case "too_small":
    case "too_big":
      return `${key} must ${describeBound(zodIssue)}; ${actual}.`;
    case "invalid_union":
      return `${key} must be ${schema ? describeExpected(schema) : "a different kind of value"}; ${actual}.`;
    case "invalid_format":
    case "custom":
      return zodIssue.message.startsWith("must ")
        ? `${key} ${zodIssue.message}; ${actual}.`
        : `${key}: ${zodIssue.message}.`;
    default:
      return `${key}: ${zodIssue.message}.`;
  }
}

function toSegment(key: PropertyKey): PathSegment {
  return typeof key === "number" ? key : String(key);
}

function isTypeMismatchAtRoot(issue: core.$ZodIssue): boolean {
  return issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union");
}

/** Strip wrappers that do not change what a user writes (defaults, optional). */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** The schema for the value at `path`, or `null` when the path leaves the schema. */
function schemaAt(root: z.ZodType, path: readonly PathSegment[]): z.ZodType | null {
  let current: z.ZodType | null = root;
  for (const segment of path) {
    if (current === null) return null;
    current = childSchema(unwrap(current), segment);
  }
  return current;
}

function childSchema(schema: z.ZodType, segment: PathSegment): z.ZodType | null {
  if (schema instanceof z.ZodObject && typeof segment === "string") {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.prototype.hasOwnProperty.call(shape, segment) ? (shape[segment] ?? null) : null;
  }
  if (schema instanceof z.ZodArray && typeof segment === "number") return schema.element as z.ZodType;
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as readonly z.ZodType[]) {
      const child = childSchema(unwrap(option), segment);
      if (child) return child;
    }
  }
  return null;
}

/** {@link knownKeys} by the parent's key path (list indices left out): every unknown key in one mapping shares the answer. */
const knownKeysByPath = new Map<string, string[]>();

function knownKeysAt(parent: readonly PathSegment[]): string[] {
  const cacheKey = parent.map((segment) => (typeof segment === "number" ? "[]" : segment)).join("\u0000");
  let known = knownKeysByPath.get(cacheKey);
  if (known === undefined) {
    known = knownKeys(schemaAt(configSchema, parent));
    // The schema's own paths are few; a path that leaves it (an unknown section) is cached as well, at most this many.
    if (knownKeysByPath.size < MAX_CACHED_KEY_LISTS) knownKeysByPath.set(cacheKey, known);
  }
  return known;
}

/** Parent paths whose known keys are kept (the schema has a few dozen mappings). */
const MAX_CACHED_KEY_LISTS = 200;

function knownKeys(schema: z.ZodType | null): string[] {
  if (schema === null) return [];
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return Object.keys(inner.shape);
  if (inner instanceof z.ZodUnion) return (inner.options as readonly z.ZodType[]).flatMap((option) => knownKeys(option));
  return [];
}

/** What a value must be, for people: "a whole number", "a list of strings", "true or false". */
function describeExpected(schema: z.ZodType): string {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodNumber) return inner.isInt ? "a whole number" : "a number";
  if (inner instanceof z.ZodString) return "a string";
  if (inner instanceof z.ZodBoolean) return "true or false";
  if (inner instanceof z.ZodEnum) return `one of ${(inner.options as readonly string[]).join(", ")}`;
  if (inner instanceof z.ZodLiteral) return joinWords([...inner.values].map((literal) => `\`${String(literal)}\``), "or");
  if (inner instanceof z.ZodObject) return "a mapping (indented `key: value` lines)";
  if (inner instanceof z.ZodArray) return `a list of ${describeItems(inner.element as z.ZodType)}`;
  if (inner instanceof z.ZodUnion) return joinWords((inner.options as readonly z.ZodType[]).map(describeExpected), "or");
  return "a different kind of value";
}

function describeItems(schema: z.ZodType): string {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodString) return "strings";
  if (inner instanceof z.ZodNumber) return inner.isInt ? "whole numbers" : "numbers";
  if (inner instanceof z.ZodEnum) return `values from ${(inner.options as readonly string[]).join(", ")}`;
  return "values";
}

function describeBound(issue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "string":
      if (small && limit === 1) return "not be empty";
      return `be ${small ? "at least" : "at most"} ${limit} characters long`;
    case "array":
      return `list ${small ? "at least" : "at most"} ${limit} ${limit === 1 ? "value" : "values"}`;
    default:
      if (small) return inclusive ? `be at least ${limit}` : `be more than ${limit}`;
      return inclusive ? `be at most ${limit}` : `be less than ${limit}`;
  }
}

/**
 * The candidate closest to `word` (case-insensitive Levenshtein distance at
 * most {@link MAX_SUGGESTION_DISTANCE}; with `prefixes`, also a candidate that
 * starts with the word or that the word starts with, e.g. `warn` → `warning`),
 * or `null`. Ties go to the earlier candidate.
 */
function closest(word: string, candidates: readonly string[], options: { prefixes?: boolean } = {}): string | null {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: most candidates are ruled out without computing it.
    if (Math.abs(candidate.length - lower.length) > MAX_SUGGESTION_DISTANCE) continue;
    const distance = levenshtein(lower, candidate.toLowerCase());
    if (distance <= MAX_SUGGESTION_DISTANCE && (best === null || distance < best.distance)) best = { candidate, distance };
  }
  if (best === null && options.prefixes && lower.length >= 2) {
    const match = candidates.find((candidate) => {
      const other = candidate.toLowerCase();
      return other.startsWith(lower) || lower.startsWith(other);
    });
    return match ?? null;
  }
  return best?.candidate ?? null;
}

/**
 * Single-character insertions, deletions and substitutions turning `a` into
 * `b`; once every partial distance of a row passes {@link MAX_SUGGESTION_DISTANCE}
 * the answer can only be larger, and `MAX_SUGGESTION_DISTANCE + 1` is returned.
 */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(distance);
      rowMin = Math.min(rowMin, distance);
    }
    if (rowMin > MAX_SUGGESTION_DISTANCE) return MAX_SUGGESTION_DISTANCE + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
