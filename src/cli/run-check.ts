import { renderJsonResult } from "../check-run/render-json-result.js";
import type { GitHubClient } from "../github/github-client.js";
import { loadConfig } from "../github/load-config.js";
import type { PullRequestPayload } from "../github/pull-request-payload.js";
import { withoutHiddenMarkers } from "../text/hidden-marker.js";
import { gatherAndEvaluate } from "../pipelines/gather-and-evaluate.js";

/** Where the CLI writes. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * `eng-health check OWNER/REPO#N [--json]`: evaluate one PR exactly as the app
 * would (config from the default branch, same facts, same rules) and print the
 * check run's title and summary, or the JSON result
 * `{conclusion, rules: [{id, level, status, message, annotations}]}`. Posts nothing.
 *
 * @returns the exit code: 0 evaluated, 2 when the config has errors (the
 *   evaluation is still printed, with defaults for the broken sections)
 * @throws the client's `RequestError` when GitHub cannot be read (the caller exits 1)
 */
export async function runCheck(
  client: GitHubClient,
  input: { owner: string; repo: string; number: number; json: boolean; now: Date },
  io: CliIo,
): Promise<number> {
  const { owner, repo } = input;
  const pr = (
    await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner, repo, pull_number: input.number })
  ).data as PullRequestPayload;
  const loaded = await loadConfig(client, { owner, repo });
  const { evaluation } = await gatherAndEvaluate(client, { owner, repo, pr, loaded, now: input.now.toISOString() });
  if (input.json) {
    io.stdout(`${JSON.stringify(renderJsonResult(evaluation.results, evaluation.conclusion), null, 2)}\n`);
  } else {
    const summary = withoutHiddenMarkers(evaluation.output.summary);
    io.stdout(`${evaluation.output.title}\nconclusion: ${evaluation.conclusion}\n\n${summary}\n`);
  }
  const [first] = loaded.errors;
  if (first) {
    const where = first.line === null ? first.path : `${first.path}, line ${first.line}`;
    const more = loaded.errors.length > 1 ? ` (and ${loaded.errors.length - 1} more)` : "";
    io.stderr(`eng-health: config error: ${where}: ${first.message.replace(/`/g, "")}${more}\n`);
    return 2;
  }
  return 0;
}
