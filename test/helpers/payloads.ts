import { createRequire } from "node:module";

interface ExampleGroup {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}

const require = createRequire(import.meta.url);
let all: ExampleGroup[] | undefined;

/**
 * A real webhook payload from `@octokit/webhooks-examples` (deep-copied), with
 * an installation id added when the example has none (GitHub sends one to apps).
 *
 * @param event e.g. `pull_request`
 * @param action e.g. `opened`; the first example with that action is used
 * @param index which of the examples with that action
 */
export function examplePayload<T = Record<string, unknown>>(event: string, action?: string, index = 0): T {
  all ??= require("@octokit/webhooks-examples") as ExampleGroup[];
  const group = all.find((candidate) => candidate.name === event);
  if (!group) throw new Error(`no examples for ${event}`);
  const matches = group.examples.filter((example) => action === undefined || example.action === action);
  const example = matches[index];
  if (!example) throw new Error(`no example ${event}.${action ?? ""} #${index}`);
  const copy = structuredClone(example);
  copy.installation ??= { id: 1, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
  return copy as T;
}
