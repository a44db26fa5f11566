import type { Config, ConfigSection } from "./schema.js";

/**
 * One config file as read from GitHub, before parsing. A list of them is
 * ordered most specific first: the repository's own `.github/eng-health.yml`
 * (or, when it has none, the organisation's `.github` repository), then each
 * file it `_extends`, in order.
 */
export interface ConfigSource {
  /** Display name, e.g. `.github/eng-health.yml` or `acme/.github:.github/eng-health.yml`. */
  path: string;
  /** The file's page on GitHub, for links; line anchors (`#L3`) are appended to it. */
  url?: string;
  /** The raw YAML; `null` when the file does not exist. */
  text: string | null;
}

/** One problem found in a config file, precise enough to fix without guessing. */
export interface ConfigError {
  /** The file's display name ({@link ConfigSource.path}). */
  path: string;
  /** The file's page on GitHub ({@link ConfigSource.url}), when known. */
  url?: string;
  /** 1-based line in that file; `null` when no line can be named. */
  line: number | null;
  /**
   * The key path, dot-separated with list indices in brackets, e.g.
   * `reasoning.min_words` or `review.holidays[0]`. `""` exactly when the whole
   * file was ignored (invalid YAML, a duplicated key, not a mapping, an alias
   * bomb, not a file); the message then names the key when there is one.
   */
  keyPath: string;
  /**
   * A markdown sentence or two with the fix, e.g.
   * "`reasoning.min_wrods` is not a known key. Did you mean `min_words`?"
   */
  message: string;
  /** The section whose settings fell back because of this error, or `null` when no rule is affected. */
  section: ConfigSection | null;
}

/** The config to use and everything that went wrong reading it. */
export interface ConfigResult {
  /** Valid config: the files merged, broken values replaced by their defaults. */
  config: Config;
  /** Problems, in file order (most specific first), then by line. Empty when all is well. */
  errors: ConfigError[];
  /** Display paths of the files that contributed (read and not ignored), most specific first. */
  sources: string[];
}
