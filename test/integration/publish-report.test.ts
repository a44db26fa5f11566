import nock from "nock";
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import { publishReport } from "../../src/publish/publish-report.js";
import { renderSupersededComment } from "../../src/report/render-superseded-comment.js";
import { renderReportMarker } from "../../src/report/report-marker.js";
import type { WeekMetrics } from "../../src/model/week-metrics.js";

const API = "https://api.github.com";
const LIST = { labels: "team-health", state: "all", per_page: "100" };
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Probot's client with its retry plugin on: a blind retry of the create would show up as a second POST. */
function client() {
  return new ProbotOctokit({ auth: { token: "test-token" }, throttle: { enabled: false }, log: quiet });
}

const METRICS: WeekMetrics = {
  prs_opened: 12,
  prs_merged: 10,
  ttfr_median_hours: 3.2,
  ttfr_p90_hours: 20,
  review_sla_met_pct: 94,
  reasoning_pass_pct: 81,
  tests_pass_pct: 92,
  flaky_open: 4,
  flaky_unassigned: 1,
  flaky_opened: 1,
  flaky_closed: 2,
  flaky_oldest_days: 23,
  waiting_for_review: 2,
};
const TITLE = "Team health: week of 2026-11-16";
const BODY = `## 🎉 Wins this week\n- 10 pull requests merged.\n\n${renderReportMarker({ week: "2026-W47", metrics: METRICS })}\n`;
const INPUT = { owner: "acme", repo: "widgets", week: "2026-W47", title: TITLE, body: BODY, report: DEFAULT_CONFIG.report };

function listed(number: number, week: string | null, options: { state?: string; title?: string; labels?: string[]; pullRequest?: boolean } = {}) {
  return {
    number,
    title: options.title ?? `Team health: week of ${week ?? "?"}`,
    state: options.state ?? "open",
    html_url: `https://github.com/acme/widgets/issues/${number}`,
    body: week === null ? "A team-health question" : `Report\n${renderReportMarker({ week, metrics: METRICS })}\n`,
    labels: (options.labels ?? ["team-health"]).map((name) => ({ name })),
    ...(options.pullRequest ? { pull_request: { url: "https://api.github.com/repos/acme/widgets/pulls/1" } } : {}),
  };
}

describe("publishReport", () => {
  it("creates the report and closes last week's with one comment; publishing again updates the same issue", async () => {
    const created: unknown[] = [];
    const patched: Array<{ number: number; body: unknown }> = [];
    const comments: unknown[] = [];
    const first = nock(API)
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [listed(40, "2026-W46"), listed(39, "2026-W45", { state: "closed" }), listed(3, null, { pullRequest: true })])
      .post("/repos/acme/widgets/issues", (body) => {
        created.push(body);
        return true;
      })
      .reply(201, { number: 41, html_url: "https://github.com/acme/widgets/issues/41" })
      .patch("/repos/acme/widgets/issues/40", (body) => {
        patched.push({ number: 40, body });
        return true;
      })
      .reply(200, { number: 40, html_url: "https://github.com/acme/widgets/issues/40" })
      .post("/repos/acme/widgets/issues/40/comments", (body) => {
        comments.push(body);
        return true;
      })
      .reply(201, { id: 1 });

    const result = await publishReport(client(), INPUT);

    first.done();
    expect(result).toEqual({ action: "created", number: 41, htmlUrl: "https://github.com/acme/widgets/issues/41", closedPrevious: 40, apiCalls: 4 });
    expect(created).toEqual([{ title: TITLE, body: BODY, labels: ["team-health"] }]);
    expect(patched).toEqual([{ number: 40, body: { state: "closed", state_reason: "completed" } }]);
    expect(comments).toEqual([{ body: renderSupersededComment(41, TITLE) }]);
    expect(renderSupersededComment(41, TITLE)).toBe(
      "The next report is out: #41 (Team health: week of 2026-11-16). Closing this one so the latest figures are easy to find; the trend carries on there.",
    );

    // Again (a retry, a restart, a second replica): the marker finds #41, which is updated, and #40 is already closed.
    const updated: unknown[] = [];
    const second = nock(API)
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [listed(41, "2026-W47", { title: "An edited title", labels: ["team-health", "retro"] }), listed(40, "2026-W46", { state: "closed" })])
      .patch("/repos/acme/widgets/issues/41", (body) => {
        updated.push(body);
        return true;
      })
      .reply(200, { number: 41, html_url: "https://github.com/acme/widgets/issues/41" });

    const again = await publishReport(client(), INPUT);

    second.done();
    expect(again).toEqual({ action: "updated", number: 41, htmlUrl: "https://github.com/acme/widgets/issues/41", closedPrevious: null, apiCalls: 2 });
    expect(updated).toEqual([{ title: TITLE, body: BODY, labels: ["team-health", "retro"] }]);
  });

  it("after a 502 on create, finds the issue GitHub created anyway and does not create a second", async () => {
    let creates = 0;
    const scope = nock(API)
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [])
      .post("/repos/acme/widgets/issues", () => {
        creates += 1;
        return true;
      })
      .reply(502, { message: "Server Error" })
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [listed(41, "2026-W47")]);
    // A blind retry of the create (the retry plugin's) would land here and make a second issue.
    const trap = nock(API)
      .post("/repos/acme/widgets/issues", () => {
        creates += 1;
        return true;
      })
      .reply(201, { number: 99, html_url: "https://github.com/acme/widgets/issues/99" });

    const result = await publishReport(client(), INPUT);

    scope.done();
    expect(trap.isDone()).toBe(false);
    expect(creates).toBe(1);
    expect(result).toEqual({ action: "created", number: 41, htmlUrl: "https://github.com/acme/widgets/issues/41", closedPrevious: null, apiCalls: 3 });
  });

  it("after a 502 on create that created nothing, creates once more", async () => {
    let creates = 0;
    const scope = nock(API)
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [])
      .post("/repos/acme/widgets/issues", () => ++creates > 0)
      .reply(502, { message: "Server Error" })
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [])
      .post("/repos/acme/widgets/issues", () => ++creates > 0)
      .reply(201, { number: 42, html_url: "https://github.com/acme/widgets/issues/42" });

    const result = await publishReport(client(), INPUT);

    scope.done();
    expect(creates).toBe(2);
    expect(result).toMatchObject({ action: "created", number: 42, apiCalls: 4 });
  });

  it("does not look up or retry after a 4xx on create", async () => {
    const scope = nock(API)
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [])
      .post("/repos/acme/widgets/issues")
      .reply(422, { message: "Validation Failed" });

    await expect(publishReport(client(), INPUT)).rejects.toMatchObject({ status: 422 });
    scope.done();
  });

  it("updates a report whose marker was edited away, found by its exact title", async () => {
    const scope = nock(API)
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [{ ...listed(41, null, { title: TITLE }) }, listed(40, "2026-W46", { state: "closed" })])
      .patch("/repos/acme/widgets/issues/41")
      .reply(200, { number: 41, html_url: "https://github.com/acme/widgets/issues/41" });

    const result = await publishReport(client(), INPUT);

    scope.done();
    expect(result.action).toBe("updated");
  });

  it("closes nothing when close_previous is off, or when publishing an older week (a backfill)", async () => {
    const off = nock(API)
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [listed(40, "2026-W46")])
      .post("/repos/acme/widgets/issues")
      .reply(201, { number: 41, html_url: "https://github.com/acme/widgets/issues/41" });
    const result = await publishReport(client(), { ...INPUT, report: { ...DEFAULT_CONFIG.report, close_previous: false } });
    off.done();
    expect(result.closedPrevious).toBeNull();

    const backfill = nock(API)
      .get("/repos/acme/widgets/issues")
      .query(LIST)
      .reply(200, [listed(50, "2026-W48"), listed(40, "2026-W46")])
      .post("/repos/acme/widgets/issues")
      .reply(201, { number: 51, html_url: "https://github.com/acme/widgets/issues/51" });
    const older = await publishReport(client(), INPUT);
    backfill.done();
    expect(older).toMatchObject({ action: "created", number: 51, closedPrevious: null, apiCalls: 2 });
  });
});
