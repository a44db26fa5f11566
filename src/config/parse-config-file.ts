import { isNode, LineCounter, parseDocument } from "yaml";
import type { Node } from "yaml";
import { describeYamlError, describeDuplicateKey, detectUnsupportedTags, firstAliasLine, firstDuplicateKey, firstUnresolvedAlias, keyPathAtOffset, kindOf, showTag, walkPath } from "./yaml-document.js";
import { configSizeProblem } from "./check-config-size.js";
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
        wholeFileError(source, "The file is nested too deeply to read, so the whole file is ignored. Could you flatten it to the sections and keys in the config reference?"),
      ],
      extends: null,
      locate: () => ({ depth: 0, line: null }),
    };
  }
}

/** An error that ignores the whole file (`keyPath` ""), with no line to name. */
function wholeFileError(source: ConfigSource, message: string): ConfigError {
  return { path: source.path, ...(source.url === undefined ? {} : { url: source.url }), line: null, keyPath: "", message, section: null };
}

function parseUnguarded(source: ConfigSource): ParsedConfigFile {
  if (source.text === null) {
    return { source, value: null, errors: [], extends: null, locate: () => ({ depth: 0, line: null }) };
  }
  const tooLarge = configSizeProblem({ path: source.path, text: source.text });
  if (tooLarge !== null) {
    return { source, value: null, errors: [wholeFileError(source, tooLarge)], extends: null, locate: () => ({ depth: 0, line: null }) };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, {
    lineCounter,
    prettyErrors: false,
    schema: "core",
    resolveKnownTags: false,
    merge: false,
    // yaml's own check compares each key with every earlier one (quadratic in
    // a mapping's size); firstDuplicateKey below does the same in one pass.
    uniqueKeys: false,
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
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) return ignored(errorFor(nodeLine(duplicate.node), [], describeDuplicateKey(duplicate.path)));

  const errors: ConfigError[] = [];
  const tagged = detectUnsupportedTags(doc);
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
