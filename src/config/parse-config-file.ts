import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Alias, Document, Node, YAMLError } from "yaml";
import type { ConfigError, ConfigSource } from "./config-result.js";
import { defineKey, formatKeyPath, hasOwnKey, isRecord, removeAt } from "./config-path.js";
import type { PathSegment } from "./config-path.js";
import { inlineCode, shorten, showValue } from "./inline-code.js";
import { parseExtends } from "./parse-extends.js";
import { CONFIG_SECTIONS } from "./schema.js";
import type { ConfigSection } from "./schema.js";

/**
 * Most alias expansions one file may cause. 100 is `yaml`'s own default
 * (`ToJSOptions.maxAliasCount`); it stops "billion laughs" documents, whose
 * nested aliases would otherwise expand to gigabytes.
 */
export const MAX_ALIAS_COUNT = 100;

/** The key that `@probot/octokit-plugin-config` follows to another file; never part of the schema. */
export const EXTENDS_KEY = "_extends";

// The YAML 1.2 core schema's tags. Anything else (`!!js/function`,
// `!!python/object`, `!!binary`, `!custom`) is never resolved: `yaml` leaves
// the value as plain data and we drop it with an error.
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((name) => `tag:yaml.org,2002:${name}`));
// The non-specific tag `!` just means "a string".
const NON_SPECIFIC_TAG = "!";
const YAML_TAG_PREFIX = "tag:yaml.org,2002:";

/** One config file, parsed. */
export interface ParsedConfigFile {
  source: ConfigSource;
  /**
   * The file's settings with `_extends` removed, empty keys (`key:` with no
   * value) turned into `undefined` ("not set") and values with unsupported
   * tags dropped; `null` when the file is absent or ignored as a whole.
   */
  value: Record<string, unknown> | null;
  /** Problems found while reading the file (not yet checked against the schema). */
  errors: ConfigError[];
  /** The raw `_extends` value and its line, when the file has one. */
  extends: { value: unknown; line: number | null } | null;
  /**
   * Find how much of `path` the file sets: `depth` is the number of leading
   * segments present (0 when none), `line` the line of the deepest one present
   * (its key for a mapping entry, its value for a list item), or `null`.
   */
  locate(path: readonly PathSegment[]): { depth: number; line: number | null };
}

interface Step {
  key: Node | null;
  value: Node | null;
}

/**
 * Parse one config file safely: YAML 1.2 core schema only (no custom tags ever
 * run), unique keys, at most {@link MAX_ALIAS_COUNT} alias expansions.
 *
 * Invalid YAML, a document that is not a mapping, or too many aliases make the
 * whole file ignored (`value: null`) with one error; an unsupported tag or a
 * malformed `_extends` gives an error for that key only. Never throws.
 *
 * @param source the file; `text: null` (absent) gives `value: null` and no errors
 */
export function parseConfigFile(source: ConfigSource): ParsedConfigFile {
  try {
    return parseUnguarded(source);
  } catch {
    // The parser or a walk over the tree ran out of stack: only absurdly deep
    // nesting gets here, never a config a person wrote.
    return {
      source,
      value: null,
      errors: [
        {
          path: source.path,
          ...(source.url === undefined ? {} : { url: source.url }),
          line: null,
          keyPath: "",
          message: "The file is nested too deeply to read, so the whole file is ignored. Could you flatten it to the sections and keys in the config reference?",
          section: null,
        },
      ],
      extends: null,
      locate: () => ({ depth: 0, line: null }),
    };
  }
}

function parseUnguarded(source: ConfigSource): ParsedConfigFile {
  if (source.text === null) {
    return { source, value: null, errors: [], extends: null, locate: () => ({ depth: 0, line: null }) };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, {
    lineCounter,
    prettyErrors: false,
    schema: "core",
    resolveKnownTags: false,
    merge: false,
    uniqueKeys: true,
  });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const nodeLine = (node: Node | null): number | null => (node?.range ? lineAt(node.range[0]) : null);
  const errorFor = (line: number | null, path: readonly PathSegment[], message: string): ConfigError => ({
    path: source.path,
    ...(source.url === undefined ? {} : { url: source.url }),
    line,
    keyPath: formatKeyPath(path),
    message,
    section: sectionOf(path),
  });
  const locate = (path: readonly PathSegment[]): { depth: number; line: number | null } => {
    const steps = walkPath(doc, path);
    const last = steps.at(-1);
    return { depth: steps.length, line: last ? nodeLine(last.key ?? last.value) : null };
  };
  const ignored = (error: ConfigError): ParsedConfigFile => ({ source, value: null, errors: [error], extends: null, locate });

  const [yamlError] = doc.errors;
  if (yamlError) {
    const path = yamlError.code === "DUPLICATE_KEY" ? keyPathAtOffset(doc, yamlError.pos[0]) : [];
    // The key path goes into the message only: an empty keyPath marks the whole file as ignored.
    return ignored(errorFor(lineAt(yamlError.pos[0]), [], describeYamlError(yamlError, path)));
  }

  const errors: ConfigError[] = [];
  const tagged = findUnsupportedTags(doc);
  for (const { path, node } of tagged) {
    const where = path.length === 0 ? "The file" : inlineCode(shorten(formatKeyPath(path)));
    errors.push(
      errorFor(
        nodeLine(node),
        path,
        `${where} uses the YAML tag ${inlineCode(shorten(showTag(node.tag ?? "")))}, which eng-health never runs or converts, so ${path.length === 0 ? "the whole file is" : "the value is"} ignored. Could you write it as a plain value?`,
      ),
    );
  }

  const dangling = firstUnresolvedAlias(doc);
  if (dangling) {
    errors.push(
      errorFor(
        nodeLine(dangling),
        [],
        `The alias ${inlineCode(shorten(`*${dangling.source}`))} has no anchor ${inlineCode(shorten(`&${dangling.source}`))} before it, so the whole file is ignored. Could you set the anchor first, or write the value out?`,
      ),
    );
    return { source, value: null, errors, extends: null, locate };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    // Every alias resolves (checked above), so yaml throws only once aliases
    // expand past maxAliasCount.
    errors.push(
      errorFor(
        firstAliasLine(doc, nodeLine),
        [],
        `The file's YAML aliases (\`*name\`) expand to more than ${MAX_ALIAS_COUNT} values, which is how resource-exhaustion attacks look, so the whole file is ignored. Could you write the values out instead of nesting aliases?`,
      ),
    );
    return { source, value: null, errors, extends: null, locate };
  }

  if (tagged.some(({ path }) => path.length === 0)) return { source, value: null, errors, extends: null, locate };
  if (data === null || data === undefined) data = {};
  if (!isRecord(data)) {
    errors.push(
      errorFor(
        nodeLine(isNode(doc.contents) ? doc.contents : null),
        [],
        `The file must be a mapping of sections such as \`reasoning:\` and \`tests:\`; it is ${kindOf(data)}, so the whole file is ignored. Could you start each section at the beginning of a line, as in the config reference?`,
      ),
    );
    return { source, value: null, errors, extends: null, locate };
  }

  const value = emptyToUnset(data);
  for (const { path } of tagged) removeAt(value, path);

  let extendsInfo: ParsedConfigFile["extends"] = null;
  if (hasOwnKey(value, EXTENDS_KEY)) {
    const extendsValue = value[EXTENDS_KEY];
    const line = locate([EXTENDS_KEY]).line;
    extendsInfo = { value: extendsValue, line };
    delete value[EXTENDS_KEY];
    // An empty `_extends:` extends nothing, as in the plugin.
    if (extendsValue !== undefined && parseExtends(extendsValue) === null) {
      errors.push(
        errorFor(
          line,
          [EXTENDS_KEY],
          `${inlineCode(EXTENDS_KEY)} must name a repository, optionally with an owner and a file, such as \`.github\` or \`acme/.github:.github/eng-health.yml\`; it is ${inlineCode(showValue(extendsValue))}, so nothing is extended.`,
        ),
      );
    }
  }
  return { source, value, errors, extends: extendsInfo, locate };
}

function sectionOf(path: readonly PathSegment[]): ConfigSection | null {
  const [first] = path;
  return typeof first === "string" && (CONFIG_SECTIONS as readonly string[]).includes(first) ? (first as ConfigSection) : null;
}

/** Follow `path` through the document's nodes; stops at the first missing step (or an alias). */
function walkPath(doc: Document, path: readonly PathSegment[]): Step[] {
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

function childStep(node: unknown, segment: PathSegment): Step | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && String(pair.key.value) === String(segment)) {
        return { key: pair.key, value: isNode(pair.value) ? pair.value : null };
      }
    }
  } else if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment];
    if (isNode(item)) return { key: null, value: item };
  }
  return null;
}

/** Every node (value or key) with a tag outside the core schema, with the key path it sits at. */
function findUnsupportedTags(doc: Document): { path: PathSegment[]; node: Node }[] {
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
function keyPathAtOffset(doc: Document, offset: number): PathSegment[] | null {
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

function firstAliasLine(doc: Document, nodeLine: (node: Node | null) => number | null): number | null {
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
function firstUnresolvedAlias(doc: Document): Alias | null {
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
function showTag(tag: string): string {
  return tag.startsWith(YAML_TAG_PREFIX) ? `!!${tag.slice(YAML_TAG_PREFIX.length)}` : tag;
}

function kindOf(value: unknown): string {
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

function describeYamlError(error: YAMLError, path: PathSegment[] | null): string {
  if (error.code === "DUPLICATE_KEY") {
    const key = path && path.length > 0 ? `${inlineCode(shorten(formatKeyPath(path)))} is` : "A key is";
    return `${key} set twice in the same mapping, so the whole file is ignored. Which value is meant? Could you keep only that one?`;
  }
  const reason = error.message.replace(/[`\r\n]+/g, " ").trim().replace(/\.$/, "").slice(0, MAX_YAML_REASON_CHARS);
  return `This is not valid YAML (${reason}), so the whole file is ignored. ${YAML_HINTS[error.code] ?? DEFAULT_YAML_HINT}`;
}

/**
 * A deep copy of a parsed mapping in which empty mapping values (`key:` with
 * nothing after it, or `~`) become `undefined`, which the schema treats as "not
 * set": a section whose keys are all commented out means the defaults. List
 * items are kept as they are. Keys are copied as own properties, `__proto__` included.
 */
function emptyToUnset(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const item = record[key];
    defineKey(copy, key, item === null ? undefined : isRecord(item) ? emptyToUnset(item) : item);
  }
  return copy;
}
