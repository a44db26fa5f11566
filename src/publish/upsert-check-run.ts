import type { GitHubClient } from "../github/github-client.js";
import type { RepoRef } from "../model/repo-ref.js";
import { batchAnnotations } from "../check-run/batch-annotations.js";
import type { Conclusion } from "../model/check-run.js";
import type { CheckRunOutput } from "../model/check-run.js";
import { findCheckRunByName } from "../github/find-check-run.js";
import { createOnce } from "./create-once.js";

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
 * (`@octokit/plugin-retry` retries POSTs on 5xx; see `createOnce`).
 *
 * Requests: 1, plus one per extra batch of 50 annotations; after a 5xx on
 * create, the lookup and an update (or a second create).
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
  let id: number | null = write.existingId;
  let created = false;

  if (id !== null) {
    await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner: write.owner,
      repo: write.repo,
      check_run_id: id,
      ...state,
    });
  } else {
    const outcome = await createOnce({
      create: async () => {
        const response = await client.request("POST /repos/{owner}/{repo}/check-runs", {
          owner: write.owner,
          repo: write.repo,
          head_sha: write.headSha,
          ...state,
          request: { retries: 0 },
        });
        return Number(response.data.id);
      },
      lookUp: () => findCheckRunByName(client, write),
    });
    id = outcome.value;
    created = !outcome.recovered;
    if (outcome.recovered) {
      // The failed create may have stored an older state; write this one over it.
      await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
        owner: write.owner,
        repo: write.repo,
        check_run_id: id,
        ...state,
      });
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
  }
  return { id, created };
}
