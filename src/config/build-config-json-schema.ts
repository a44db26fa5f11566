import { z } from "zod";
import { EXTENDS_KEY } from "./parse-config-file.js";
import { CONFIG_PATH, CONFIG_REFERENCE_URL, CONFIG_SCHEMA_URL, configSchema } from "./schema.js";

/**
 * The JSON Schema (draft 2020-12) for `.github/eng-health.yml`, generated from
 * {@link configSchema} so editors (e.g. the YAML language server) complete keys
 * and flag mistakes with the same rules the app applies. Describes what a user
 * may write (`io: "input"`: every key optional, defaults shown), plus the
 * `_extends` key that `@probot/octokit-plugin-config` handles before the schema sees the file.
 *
 * Checks that only run in code (a valid IANA time zone, start before end) are
 * not in the JSON Schema; the check run reports those.
 *
 * @returns a plain JSON object; committed as `schema/eng-health.schema.json` (`npm run schema`)
 */
export function buildConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { io: "input" }) as Record<string, unknown>;
  const properties = (generated.properties ?? {}) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: CONFIG_SCHEMA_URL,
    title: `eng-health config (${CONFIG_PATH})`,
    description: `Every key is optional; the defaults are shown. Reference: ${CONFIG_REFERENCE_URL}`,
    ...rest,
    properties: {
      [EXTENDS_KEY]: {
        type: "string",
        description:
          "Start from another repository's config, then apply this file on top: `.github`, `owner/repo`, or `owner/repo:path/to/file.yml`. Mappings merge; lists replace.",
      },
      ...properties,
    },
  };
}
