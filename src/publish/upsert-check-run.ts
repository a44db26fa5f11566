import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { batchAnnotations } from "../check-run/batch-annotations.js";
import type { Conclusion } from "../check-run/conclusion.js";
import type { CheckRunOutput } from "../check-run/render-check-run.js";
import { isServerError } from "../github/http-status.js";

/** What to write: the run's identity (name + head SHA) and its final state. */
export interface CheckRunWrite extends RepoRef {
  name: string;
  headSha: string;
  /** The run already on this head SHA (from the lookup), or null to create one. */
  existingId: number | null;
  conclusion: Conclusion;
  output: CheckRunOutput;
  /** Where "Details" leads; set for `action_required` (the config file). */
  detailsUrl?: string;
}

/** The outcome of {@link upsertCheckRun}. */
export interface CheckRunWriteResult {
  id: number;
  created: boolean;
  /** REST requests made (1, plus one per extra batch of 50 annotations, plus recovery). */
  requests: number;
}

/**
 * Create or update the check run for a head SHA, completed with its final
 * conclusion in one write (never create-then-patch). Annotations beyond the
 * first 50 follow in further updates (the Checks API takes 50 per request).
 *
 * Idempotent: with `existingId` it updates that run. A create is sent without
 * the retry plugin's automatic retry; when GitHub answers 5xx (it may have
 * created the run anyway), the run is looked up by name and head SHA before a
 * second attempt, so a retry never makes a duplicate
 * (see `../shared/toolchain.md`: plugin-retry retries POSTs on 5xx).
 *
 * @throws the client's `RequestError` when GitHub refuses the write
 */
export async function upsertCheckRun(client: GitHubClient, write: CheckRunWrite): Promise<CheckRunWriteResult> {
  const [firstBatch = [], ...moreBatches] = batchAnnotations(write.output.annotations);
  const output = {
    title: write.output.title,
    summary: write.output.summary,
    ...(write.output.text !== undefined ? { text: write.output.text } : {}),
    annotations: firstBatch,
  };
  const state = {
    name: write.name,
    status: "completed" as const,
    conclusion: write.conclusion,
    ...(write.detailsUrl !== undefined ? { details_url: write.detailsUrl } : {}),
    output,
  };
  let requests = 0;
  let id: number | null = write.existingId;
  let created = false;

  if (id !== null) {
    await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner: write.owner,
      repo: write.repo,
      check_run_id: id,
      ...state,
    });
    requests += 1;
  } else {
    const create = () =>
      client.request("POST /repos/{owner}/{repo}/check-runs", {
        owner: write.owner,
        repo: write.repo,
        head_sha: write.headSha,
        ...state,
        request: { retries: 0 },
      });
    try {
      requests += 1;
      id = Number((await create()).data.id);
      created = true;
    } catch (error) {
      if (!isServerError(error)) throw error;
      requests += 1;
      const found = await findCheckRunByName(client, write);
      if (found !== null) {
        id = found;
        requests += 1;
        await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
          owner: write.owner,
          repo: write.repo,
          check_run_id: id,
          ...state,
        });
      } else {
        requests += 1;
        id = Number((await create()).data.id);
        created = true;
      }
    }
  }

  if (id === null) throw new Error("eng-health: the check run write returned no id");
  for (const batch of moreBatches) {
    await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner: write.owner,
      repo: write.repo,
      check_run_id: id,
      output: { title: output.title, summary: output.summary, annotations: batch },
    });
    requests += 1;
  }
  return { id, created, requests };
}

/**
 * The newest check run with `name` on `headSha`, by REST
 * (`GET /repos/{owner}/{repo}/commits/{ref}/check-runs`), or null.
 *
 * @throws the client's `RequestError`
 */
export async function findCheckRunByName(
  client: GitHubClient,
  input: RepoRef & { name: string; headSha: string },
): Promise<number | null> {
  const response = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    owner: input.owner,
    repo: input.repo,
    ref: input.headSha,
    check_name: input.name,
    filter: "latest",
    per_page: 1,
  });
  const run = response.data.check_runs[0];
  return run ? Number(run.id) : null;
}
