import type { ConfigError } from "./config-result.js";
import { CONFIG_PATH } from "./schema.js";
import { validateConfig } from "./validate-config.js";

/** The outcome of checking a PR's own version of the config. */
export interface ProposedConfigCheck {
  /** Problems in the PR's version (file, line, key path, fix); empty when it is valid. */
  errors: ConfigError[];
  /** The file at the PR's head, for links. */
  url: string;
}

/**
 * Validate the PR's version of `.github/eng-health.yml` on its own (what it
 * `_extends` is not fetched; the key is allowed). Pure.
 *
 * @param input `text`: the raw YAML at the PR's head; `url`: its page at the head SHA
 */
export function validateProposedConfig(input: { text: string; url: string }): ProposedConfigCheck {
  const { errors } = validateConfig([{ path: CONFIG_PATH, url: input.url, text: input.text }]);
  return { errors, url: input.url };
}
