import { buildConfigJsonSchema } from "../src/config/build-config-json-schema.js";

// Prints the JSON Schema for `.github/eng-health.yml` to stdout.
// `npm run schema` builds and writes it to schema/eng-health.schema.json.
process.stdout.write(`${JSON.stringify(buildConfigJsonSchema(), null, 2)}\n`);
