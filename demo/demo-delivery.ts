import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { DEMO_OWNER, DEMO_REPO, demoHeadSha, type DemoDelivery } from "./demo-repository.js";

interface ExampleGroup {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}

/** The installation id of the demo's deliveries (the stand-in hands out a token for any). */
export const DEMO_INSTALLATION_ID = 1;

/** The repository the `@octokit/webhooks-examples` pull request payloads are about. */
const EXAMPLE_REPOSITORY = "Codertocat/Hello-World";

let examples: ExampleGroup[] | undefined;

/** The first real `pull_request.opened` payload of `@octokit/webhooks-examples` (a 9 MB JSON file, loaded once). */
function examplePullRequestOpened(): Record<string, unknown> {
  examples ??= createRequire(import.meta.url)("@octokit/webhooks-examples") as ExampleGroup[];
  const example = examples.find((group) => group.name === "pull_request")?.examples.find((candidate) => candidate.action === "opened");
  if (!example) throw new Error("eng-health demo: @octokit/webhooks-examples has no pull_request.opened payload");
  return example;
}

/**
 * A real `pull_request` webhook payload from `@octokit/webhooks-examples`,
 * rewritten onto the stand-in's repository (`demo/widgets`) and one demo
 * pull request: its number, title, description, author, head SHA, changed
 * file count, and times (opened `openedAt`). `edited` (no example of it
 * exists in the package) is the same payload with `action: "edited"` and
 * `changes.body.from`, as GitHub sends it when a description changes.
 *
 * @returns the payload, ready to be sent as JSON
 */
export function demoPayload(delivery: DemoDelivery, times: { openedAt: string; now: string }): Record<string, unknown> {
  const text = JSON.stringify(examplePullRequestOpened()).replaceAll(EXAMPLE_REPOSITORY, `${DEMO_OWNER}/${DEMO_REPO}`);
  const payload = JSON.parse(text) as Record<string, Record<string, unknown>> & { number?: number };
  const { pr } = delivery;
  const pullRequest = payload.pull_request as Record<string, unknown> & { head: Record<string, unknown>; user: Record<string, unknown> };
  const repository = payload.repository as Record<string, unknown> & { owner: Record<string, unknown> };
  Object.assign(pullRequest, {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    state: "open",
    draft: false,
    html_url: `https://github.com/${DEMO_OWNER}/${DEMO_REPO}/pull/${pr.number}`,
    created_at: times.openedAt,
    updated_at: times.now,
    labels: [],
    requested_reviewers: [],
    requested_teams: [],
    changed_files: pr.files.length,
    additions: pr.files.reduce((sum, file) => sum + file.additions, 0),
    deletions: pr.files.reduce((sum, file) => sum + file.deletions, 0),
  });
  Object.assign(pullRequest.head, { sha: demoHeadSha(pr), ref: `change-${pr.number}` });
  Object.assign(pullRequest.user, { login: pr.author, type: "User" });
  Object.assign(repository, { name: DEMO_REPO, full_name: `${DEMO_OWNER}/${DEMO_REPO}` });
  Object.assign(repository.owner, { login: DEMO_OWNER });
  const edited = delivery.action === "edited" ? { changes: { body: { from: delivery.previousBody ?? "" } } } : {};
  return { ...payload, ...edited, action: delivery.action, number: pr.number, installation: { id: DEMO_INSTALLATION_ID } };
}

/**
 * Send one webhook delivery the way GitHub does: a JSON body signed with
 * HMAC-SHA256 of the webhook secret in `X-Hub-Signature-256` (GitHub docs,
 * "Validating webhook deliveries"), with `X-GitHub-Event` and `X-GitHub-Delivery`.
 *
 * @returns the server's HTTP status
 */
export async function sendDelivery(input: { url: string; secret: string; event: string; deliveryId: string; payload: unknown }): Promise<number> {
  const body = JSON.stringify(input.payload);
  const signature = `sha256=${createHmac("sha256", input.secret).update(body).digest("hex")}`;
  const response = await fetch(input.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/eng-health-demo",
      "x-github-event": input.event,
      "x-github-delivery": input.deliveryId,
      "x-hub-signature-256": signature,
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}
