import { Octokit } from "@octokit/rest";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderCheckRun } from "../../src/check-run/render-check-run.js";
import { appendResultsMarker, parseResultsMarker } from "../../src/check-run/results-marker.js";
import { buildOpenPullRequestsQuery } from "../../src/github/gather-open-pull-requests.js";
import type { Log } from "../../src/model/log.js";
import { REVIEW_NUDGE_MARKER } from "../../src/review/render-review-nudge.js";
import type { RuleResult } from "../../src/model/rule-result.js";
import { reviewSweepJob } from "../../src/schedule/review-sweep-job.js";
import { sweepRepository } from "../../src/pipelines/sweep-repository.js";
import { scheduledJobs } from "../../src/schedule/scheduled-jobs.js";
import { readSettings } from "../../src/server/settings.js";
import type { GraphqlBody } from "../helpers/mock-github.js";
import { API, createTestProbot, mockConfigFile, mockInstallationToken } from "../helpers/test-probot.js";

const OWNER = "acme";
const REPO = "widgets";
/** Wednesday 12:00 UTC: the sweep's "now". */
const NOW = "2026-11-18T12:00:00.000Z";
const CHECK_NAME = "Engineering practices";
const CONFIG_URL = `https://github.com/${OWNER}/${REPO}/blob/HEAD/.github/eng-health.yml`;
const REFERENCE_URL = "https://github.com/eng-health/eng-health#configuration";

/** Business hours 09:00-17:00 UTC Mon-Fri (the default), an 8-business-hour target at `warning`. */
const CONFIG = `reasoning:
  level: notice
review:
  level: warning
  first_review_within: 8h
`;
const NUDGE_CONFIG = `${CONFIG}  nudge: comment
`;

const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

function client(): Octokit {
  return new Octokit({ auth: "test-token" });
}

function headSha(number: number): string {
  return number.toString(16).padStart(40, "0");
}

/**
 * The summary of a run a PR event wrote while the PR waited within its target:
 * the table, footer and results marker, every agreement met.
 */
function storedSummary(): string {
  const results: RuleResult[] = [
    { id: "reasoning", agreement: "Documented reasoning", level: "notice", status: "pass", message: "The description explains why (42 words).", findings: [] },
    { id: "tests", agreement: "Tests accompany code", level: "warning", status: "pass", message: "Tests changed with the code.", findings: [] },
    { id: "review", agreement: "Review turnaround", level: "warning", status: "pass", message: "Waiting 1 business hour for a first review (target: 8 h).", findings: [] },
  ];
  const output = renderCheckRun({ results, conclusion: "success", configUrl: CONFIG_URL, referenceUrl: REFERENCE_URL });
  return appendResultsMarker(output.summary, { results, conclusion: "success" }).summary;
}

interface PrInput {
  number: number;
  createdAt: string;
  draft?: boolean;
  /** The run on the head commit: null for none. */
  run?: { id: number; summary: string | null } | null;
  comments?: string[];
  totalComments?: number;
  /** The review timeline has a second page. */
  longTimeline?: boolean;
}

/** A pull request node in the shape of `buildOpenPullRequestsQuery`. */
function prNode(input: PrInput) {
  const run = input.run ?? null;
  return {
    number: input.number,
    title: `Change ${input.number}`,
    url: `https://github.com/${OWNER}/${REPO}/pull/${input.number}`,
    isDraft: input.draft ?? false,
    createdAt: input.createdAt,
    headRefOid: headSha(input.number),
    author: { login: "octocat", __typename: "User" },
    labels: { nodes: [] },
    timelineItems: {
      pageInfo: input.longTimeline ? { hasNextPage: true, endCursor: "dGltZWxpbmU6MTAw" } : { hasNextPage: false, endCursor: null },
      nodes: [{ __typename: "ReviewRequestedEvent", createdAt: input.createdAt }],
    },
    reviewRequests: { nodes: [{ requestedReviewer: { __typename: "User", login: "alice" } }] },
    commits: {
      nodes: [
        {
          commit: {
            checkSuites: {
              nodes:
                run === null
                  ? []
                  : [{ checkRuns: { nodes: [] } }, { checkRuns: { nodes: [{ databaseId: run.id, summary: run.summary }] } }],
            },
          },
        },
      ],
    },
    ...(input.comments !== undefined
      ? { comments: { totalCount: input.totalComments ?? input.comments.length, nodes: input.comments.map((body) => ({ body })) } }
      : {}),
  };
}

function listPage(nodes: unknown[], endCursor: string | null = null) {
  return { data: { repository: { pullRequests: { pageInfo: { hasNextPage: endCursor !== null, endCursor }, nodes } } } };
}

/** A nock scope for api.github.com that counts requests and records GraphQL bodies and writes. */
function github() {
  const record = { calls: 0, graphql: [] as GraphqlBody[], patches: [] as Array<{ id: string; body: Record<string, unknown> }>, comments: [] as Array<Record<string, unknown>> };
  const scope = nock(API);
  scope.on("request", (request: { path: string }) => {
    if (!request.path.includes("access_tokens")) record.calls += 1;
  });
  const graphql = (response: unknown) =>
    scope
      .post("/graphql", (body: GraphqlBody) => {
        record.graphql.push(body);
        return true;
      })
      .reply(200, response as nock.Body);
  const patch = (id: number) =>
    scope
      .patch(`/repos/${OWNER}/${REPO}/check-runs/${id}`, (body: Record<string, unknown>) => {
        record.patches.push({ id: String(id), body });
        return true;
      })
      .reply(200, { id });
  const comment = (number: number) =>
    scope
      .post(`/repos/${OWNER}/${REPO}/issues/${number}/comments`, (body: Record<string, unknown>) => {
        record.comments.push({ number, ...body });
        return true;
      })
      .reply(201, { id: 9000 + number });
  return { scope, record, graphql, patch, comment };
}

// PR 1 was opened this morning (3 business hours ago): within the 8 h target, as when its run was written.
const withinTarget: PrInput = {
  number: 1,
  createdAt: "2026-11-18T09:00:00Z",
  run: { id: 101, summary: storedSummary() },
};
// PR 2 was opened Monday 10:00; its run was written Monday 11:00 (passing). By Wednesday noon it has waited 18 business hours.
const pastTarget: PrInput = {
  number: 2,
  createdAt: "2026-11-16T10:00:00Z",
  run: { id: 102, summary: storedSummary() },
};
// PR 3 is a draft: ignored, whatever its run says.
const draft: PrInput = {
  number: 3,
  createdAt: "2026-11-02T10:00:00Z",
  draft: true,
  run: { id: 103, summary: storedSummary() },
};

describe("review sweep", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(NOW));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("updates only the PR whose review status changed, in 3 API calls; a second sweep writes nothing", async () => {
    expect(parseResultsMarker(pastTarget.run?.summary ?? "")?.results.find((result) => result.id === "review")?.status).toBe("pass");

    const first = github();
    mockConfigFile(first.scope, OWNER, REPO, CONFIG);
    first.graphql(listPage([prNode(withinTarget), prNode(pastTarget), prNode(draft)]));
    first.patch(102);

    const outcome = await sweepRepository(client(), { owner: OWNER, repo: REPO }, { now: new Date(), log: silentLog });

    first.scope.done();
    expect(outcome).toEqual({ apiCalls: 3, updated: [2], nudged: [], skipped: [] });
    expect(first.record.calls).toBe(3);
    expect(first.record.graphql).toEqual([
      {
        query: buildOpenPullRequestsQuery({ includeComments: false }),
        variables: { owner: OWNER, repo: REPO, checkName: CHECK_NAME, cursor: null },
      },
    ]);
    expect(first.record.graphql[0]?.query).toContain("pullRequests(first: 100, after: $cursor, states: OPEN");
    expect(first.record.graphql[0]?.query).not.toContain("comments(");

    const patch = first.record.patches[0];
    expect(patch?.id).toBe("102");
    expect(patch?.body).toEqual({
      name: CHECK_NAME,
      status: "completed",
      conclusion: "neutral",
      output: { title: "2 of 3 agreements met · 1 suggestion", summary: expect.any(String), annotations: [] },
    });
    const summary = (patch?.body.output as { summary: string }).summary;
    expect(summary).toMatchInlineSnapshot(`
      "| | Agreement | Result |
      |---|---|---|
      | ✅ | Documented reasoning | The description explains why (42 words). |
      | ✅ | Tests accompany code | Tests changed with the code. |
      | ⚠️ | Review turnaround | Waiting 18 business hours for a first review, past the target of 8 h. |

      ### ⚠️ Review turnaround
      This PR has waited 18 business hours for a first review; the team's target is 8 business hours. Review is requested from @alice.

      The team agreed on prompt first reviews: they keep changes small and flowing, and feedback lands while the context is fresh.

      Could @alice take a first look? A short first pass helps too. If the PR is large, would splitting it into smaller ones make it quicker to review? Asking in the team channel can also find a reviewer.

      <sub>Configured in [\`.github/eng-health.yml\`](https://github.com/acme/widgets/blob/HEAD/.github/eng-health.yml) · [config reference](https://github.com/eng-health/eng-health#configuration) · re-run with "Re-run checks"</sub>

      <!-- eng-health:results {"results":[{"id":"reasoning","agreement":"Documented reasoning","level":"notice","status":"pass","message":"The description explains why (42 words).","findings":[]},{"id":"tests","agreement":"Tests accompany code","level":"warning","status":"pass","message":"Tests changed with the code.","findings":[]},{"id":"review","agreement":"Review turnaround","level":"warning","status":"fail","message":"Waiting 18 business hours for a first review, past the target of 8 h.","findings":[{"message":"This PR has waited 18 business hours for a first review; the team's target is 8 business hours. Review is requested from @alice.\\n\\nThe team agreed on prompt first reviews: they keep changes small and flowing, and feedback lands while the context is fresh.\\n\\nCould @alice take a first look? A short first pass helps too. If the PR is large, would splitting it into smaller ones make it quicker to review? Asking in the team channel can also find a reviewer."}]}],"conclusion":"neutral"} -->"
    `);

    // An hour later nothing changed: the stored statuses match, so nothing is written.
    vi.setSystemTime(new Date("2026-11-18T13:00:00Z"));
    const second = github();
    mockConfigFile(second.scope, OWNER, REPO, CONFIG);
    second.graphql(listPage([prNode(withinTarget), prNode({ ...pastTarget, run: { id: 102, summary } }), prNode(draft)]));

    const again = await sweepRepository(client(), { owner: OWNER, repo: REPO }, { now: new Date(), log: silentLog });

    second.scope.done();
    expect(again).toEqual({ apiCalls: 2, updated: [], nudged: [], skipped: [] });
    expect(second.record.calls).toBe(2);
    expect(second.record.patches).toEqual([]);
  });

  it("reads 150 open PRs in 2 pages of 100 with the cursor, and writes once for the one that changed", async () => {
    const prs = Array.from({ length: 150 }, (_, index) => {
      const number = index + 10;
      const createdAt = number === 140 ? pastTarget.createdAt : withinTarget.createdAt;
      return prNode({ number, createdAt, run: { id: 1000 + number, summary: storedSummary() } });
    });
    const gh = github();
    mockConfigFile(gh.scope, OWNER, REPO, CONFIG);
    gh.graphql(listPage(prs.slice(0, 100), "Y3Vyc29yOnYyOjEwMA=="));
    gh.graphql(listPage(prs.slice(100)));
    gh.patch(1140);

    const outcome = await sweepRepository(client(), { owner: OWNER, repo: REPO }, { now: new Date(), log: silentLog });

    gh.scope.done();
    expect(outcome).toEqual({ apiCalls: 4, updated: [140], nudged: [], skipped: [] });
    expect(gh.record.calls).toBe(4); // 1 config + 2 list pages + 1 write: within 1 per 100 PRs + 1 per change
    expect(gh.record.graphql.map((body) => body.variables.cursor)).toEqual([null, "Y3Vyc29yOnYyOjEwMA=="]);
  });

  it("leaves PRs without a run, without a results marker or with a long timeline alone", async () => {
    const gh = github();
    mockConfigFile(gh.scope, OWNER, REPO, CONFIG);
    gh.graphql(
      listPage([
        prNode({ ...pastTarget, number: 4, run: null }),
        prNode({ ...pastTarget, number: 5, run: { id: 105, summary: "| | Agreement | Result |\n(too big for the marker)" } }),
        prNode({ ...pastTarget, number: 9, longTimeline: true }),
      ]),
    );
    const logs: Array<{ level: string; obj: object }> = [];
    const log: Log = {
      ...silentLog,
      info: (obj) => logs.push({ level: "info", obj }),
      debug: (obj) => logs.push({ level: "debug", obj }),
    };

    const outcome = await sweepRepository(client(), { owner: OWNER, repo: REPO }, { now: new Date(), log });

    gh.scope.done();
    expect(outcome).toEqual({
      apiCalls: 2,
      updated: [],
      nudged: [],
      skipped: [
        { number: 4, reason: "no check run" },
        { number: 5, reason: "no results marker" },
        { number: 9, reason: "timeline over one page" },
      ],
    });
    expect(logs).toEqual([
      { level: "debug", obj: { owner: OWNER, repo: REPO, pull: 4, reason: "no check run" } },
      { level: "info", obj: { owner: OWNER, repo: REPO, pull: 5, reason: "no results marker" } },
      { level: "info", obj: { owner: OWNER, repo: REPO, pull: 9, reason: "timeline over one page" } },
    ]);
  });

  it("reads only the config when review is off", async () => {
    const gh = github();
    mockConfigFile(gh.scope, OWNER, REPO, "review:\n  level: off\n");

    const outcome = await sweepRepository(client(), { owner: OWNER, repo: REPO }, { now: new Date(), log: silentLog });

    gh.scope.done();
    expect(outcome).toEqual({ apiCalls: 1, updated: [], nudged: [], skipped: [] });
  });

  describe("with review.nudge: comment", () => {
    it("posts the nudge once on a PR past its target, not where the marker already is", async () => {
      const gh = github();
      mockConfigFile(gh.scope, OWNER, REPO, NUDGE_CONFIG);
      gh.graphql(
        listPage([
          prNode({ ...withinTarget, comments: [] }),
          prNode({ ...pastTarget, run: { id: 102, summary: storedSummary() }, comments: ["Looks interesting!"] }),
          prNode({ ...pastTarget, number: 6, run: null, comments: [`Earlier nudge\n${REVIEW_NUDGE_MARKER}`, "Thanks!"] }),
        ]),
      );
      gh.patch(102);
      gh.comment(2);

      const outcome = await sweepRepository(client(), { owner: OWNER, repo: REPO }, { now: new Date(), log: silentLog });

      gh.scope.done();
      expect(outcome).toEqual({ apiCalls: 4, updated: [2], nudged: [2], skipped: [{ number: 6, reason: "no check run" }] });
      expect(gh.record.graphql[0]?.query).toBe(buildOpenPullRequestsQuery({ includeComments: true }));
      expect(gh.record.graphql[0]?.query).toContain("comments(last: 100) { totalCount nodes { body } }");
      expect(gh.record.comments).toEqual([
        {
          number: 2,
          body: [
            "This pull request has been ready for review for 18 business hours without a first review yet; the team aims for a first review within 8 business hours.",
            "",
            "@alice: you're invited to review this one. Could you take a first look when there's a moment? A short first pass helps too.",
            "",
            "Prompt first reviews keep changes small and flowing, while the context is still fresh. If this PR is hard to review in one sitting, would splitting it into smaller ones help? Asking in the team channel can also find a reviewer.",
            "",
            "<sub>Posted once by eng-health (`review.nudge: comment` in `.github/eng-health.yml`).</sub>",
            REVIEW_NUDGE_MARKER,
          ].join("\n"),
        },
      ]);

      // The next sweep sees the nudge among the comments and the updated run: no write at all.
      const next = github();
      mockConfigFile(next.scope, OWNER, REPO, NUDGE_CONFIG);
      const updatedSummary = (gh.record.patches[0]?.body.output as { summary: string }).summary;
      next.graphql(
        listPage([
          prNode({ ...pastTarget, run: { id: 102, summary: updatedSummary }, comments: ["Looks interesting!", String(gh.record.comments[0]?.body)] }),
        ]),
      );

      const again = await sweepRepository(client(), { owner: OWNER, repo: REPO }, { now: new Date(), log: silentLog });

      next.scope.done();
      expect(again).toEqual({ apiCalls: 2, updated: [], nudged: [], skipped: [] });
    });

    it("searches older comments by REST when the PR has more than the 100 it got", async () => {
      const gh = github();
      mockConfigFile(gh.scope, OWNER, REPO, NUDGE_CONFIG);
      const recent = Array.from({ length: 100 }, (_, index) => `comment ${index + 50}`);
      gh.graphql(
        listPage([
          prNode({ ...pastTarget, number: 7, run: null, comments: recent, totalComments: 150 }),
          prNode({ ...pastTarget, number: 8, run: null, comments: recent, totalComments: 150 }),
        ]),
      );
      const page1 = Array.from({ length: 100 }, (_, index) => ({ id: index, body: `comment ${index}` }));
      gh.scope
        .get(`/repos/${OWNER}/${REPO}/issues/7/comments`)
        .query({ per_page: "100", page: "1" })
        .reply(200, [{ id: 1, body: "first" }, { id: 2, body: `nudge\n${REVIEW_NUDGE_MARKER}` }])
        .get(`/repos/${OWNER}/${REPO}/issues/8/comments`)
        .query({ per_page: "100", page: "1" })
        .reply(200, page1)
        .get(`/repos/${OWNER}/${REPO}/issues/8/comments`)
        .query({ per_page: "100", page: "2" })
        .reply(200, page1.slice(0, 50));
      gh.comment(8);

      const outcome = await sweepRepository(client(), { owner: OWNER, repo: REPO }, { now: new Date(), log: silentLog });

      gh.scope.done();
      expect(outcome.nudged).toEqual([8]);
      expect(outcome.apiCalls).toBe(6); // config, list, 1 page for #7, 2 pages and the post for #8
      expect(gh.record.calls).toBe(6);
    });
  });

  it("runs as the review-sweep job over every installed, non-archived repository", async () => {
    const { probot, services, logs } = createTestProbot({ now: new Date(NOW) });
    const job = reviewSweepJob({ sweepCron: "7 * * * *" });
    expect(job).toMatchObject({ name: "review-sweep", cron: "7 * * * *" });
    expect(scheduledJobs(readSettings({ SWEEP_CRON: "*/30 * * * *" })).map((scheduled) => `${scheduled.name} ${scheduled.cron}`)).toContain(
      "review-sweep */30 * * * *",
    );

    mockInstallationToken(1);
    const gh = github();
    gh.scope
      .get("/app/installations")
      .query({ per_page: "100" })
      .reply(200, [{ id: 1, account: { login: OWNER } }])
      .get("/installation/repositories")
      .query({ per_page: "100" })
      .reply(200, {
        total_count: 2,
        repositories: [
          { name: REPO, owner: { login: OWNER }, archived: false },
          { name: "old-widgets", owner: { login: OWNER }, archived: true },
        ],
      });
    mockConfigFile(gh.scope, OWNER, REPO, CONFIG);
    gh.graphql(listPage([prNode(withinTarget), prNode(pastTarget), prNode(draft)]));
    gh.patch(102);

    await job.run({ app: probot, services, now: services.now() });

    gh.scope.done();
    expect(gh.record.patches.map((patch) => patch.id)).toEqual(["102"]);
    expect(logs.find((line) => line.msg === "eng-health: review sweep finished")).toMatchObject({
      job: "review-sweep",
      now: NOW,
      repositories: 1,
      apiCalls: 3,
      updated: 1,
      nudged: 0,
    });
  });
});
