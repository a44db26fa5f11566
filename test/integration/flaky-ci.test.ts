import nock from "nock";
import { describe, expect, it } from "vitest";
import { parseFlakyCiMarker } from "../../src/flaky/flaky-ci-marker.js";
import { FLAKY_CHECKLIST_MARKER } from "../../src/flaky/render-flaky-checklist.js";
import { CHECK, completedPayload, FakeFlakyCiGitHub, OWNER, REPO, restRun, SHA, type FakeIssue } from "../helpers/fake-flaky-ci-github.js";
import { examplePayload } from "../helpers/payloads.js";
import { API, createTestProbot, mockConfigFile, mockInstallationToken } from "../helpers/test-probot.js";

const FAILED = restRun(128620227, "failure", 10);
const PASSED = restRun(128620228, "success", 20);
const RUNS = `GET /repos/${OWNER}/${REPO}/commits/${SHA}/check-runs?check_name=${CHECK}&filter=all&per_page=100`;
const LISTING = `GET /repos/${OWNER}/${REPO}/issues?labels=flaky-test&state=all&sort=updated&direction=desc&per_page=100`;
const CONFIG = [`GET /repos/${OWNER}/${REPO}/contents/.github/eng-health.yml`, `GET /repos/${OWNER}/.github/contents/.github/eng-health.yml`];
const annotationsOf = (id: number) => `GET /repos/${OWNER}/${REPO}/check-runs/${id}/annotations?per_page=100`;

/** A GitHub Actions-style failure annotation of a test reporter. */
const TEST_ANNOTATION = {
  path: "test/widgets/cache.test.ts",
  start_line: 31,
  end_line: 31,
  annotation_level: "failure",
  title: "cache › expires entries",
  message: "expected 1 to be 0",
};
/** GitHub Actions' own message on a failed job: not a test. */
const EXIT_CODE_ANNOTATION = { path: ".github", start_line: 1, end_line: 1, annotation_level: "failure", title: "", message: "Process completed with exit code 1." };

async function deliver(probot: ReturnType<typeof createTestProbot>["probot"], id: string, payload: Record<string, unknown>): Promise<void> {
  await probot.receive({ id, name: "check_run", payload } as never);
}

/** The issue the first occurrence of FAILED → PASSED creates, as GitHub keeps it. */
async function firstIssue(): Promise<FakeIssue> {
  const { probot } = createTestProbot();
  mockInstallationToken();
  const github = new FakeFlakyCiGitHub().config(null).checkRuns([FAILED, PASSED]).listing().annotations(FAILED.id, [EXIT_CODE_ANNOTATION]).create();
  await deliver(probot, "d-first", completedPayload(PASSED));
  github.scope.done();
  const issue = github.issues[0];
  if (!issue) throw new Error("no issue was created");
  return issue;
}

describe("check_run.completed: a check that failed and then passed on the same commit", () => {
  it("creates one issue with the label, the marker and both runs linked, in 4 requests after the config", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub().config(null).checkRuns([FAILED, PASSED]).listing().annotations(FAILED.id, [EXIT_CODE_ANNOTATION]).create();

    await deliver(probot, "d-1", completedPayload(PASSED));

    github.scope.done();
    expect(github.requests).toEqual([...CONFIG, RUNS, LISTING, annotationsOf(FAILED.id), `POST /repos/${OWNER}/${REPO}/issues`]);
    expect(github.writes).toHaveLength(1);
    const created = github.writes[0]?.body as { title: string; body: string; labels: string[] };
    expect(created.title).toBe(`Flaky: ${CHECK}`);
    expect(created.labels).toEqual(["flaky-test"]);
    expect(created.body).toContain(`[${FAILED.id}](https://github.com/${OWNER}/${REPO}/runs/${FAILED.id})`);
    expect(created.body).toContain(`[${PASSED.id}](https://github.com/${OWNER}/${REPO}/runs/${PASSED.id})`);
    expect(created.body).toContain(`| 2026-11-16 15:20 | [#2](https://github.com/${OWNER}/${REPO}/pull/2) | [\`ec26c3e\`]`);
    expect(parseFlakyCiMarker(created.body)).toEqual({
      check: CHECK,
      occurrences: [{ at: "2026-11-16T15:20:00Z", sha: SHA, pr: 2, failed: FAILED.id, passed: PASSED.id, minutes: 4 }],
    });
  });

  it("a create that answers 502 after GitHub made the issue is looked up, not sent again", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub().config(null).checkRuns([FAILED, PASSED]).listing(2).annotations(FAILED.id, []).createAnswering502();

    await deliver(probot, "d-502", completedPayload(PASSED));

    github.scope.done();
    expect(github.requests).toEqual([...CONFIG, RUNS, LISTING, annotationsOf(FAILED.id), `POST /repos/${OWNER}/${REPO}/issues`, LISTING]);
    expect(github.issues).toHaveLength(1);
  });

  it("attributes the occurrence to the failing test its annotation names, with the file in the body", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub().config(null).checkRuns([FAILED, PASSED]).listing().annotations(FAILED.id, [TEST_ANNOTATION, EXIT_CODE_ANNOTATION]).create();

    await deliver(probot, "d-test", completedPayload(PASSED));

    github.scope.done();
    const created = github.writes[0]?.body as { title: string; body: string };
    expect(created.title).toBe(`Flaky: cache › expires entries (${CHECK})`);
    expect(created.body).toContain("`test/widgets/cache.test.ts`");
    expect(parseFlakyCiMarker(created.body)).toMatchObject({ check: CHECK, test: "cache › expires entries", path: "test/widgets/cache.test.ts" });
  });

  it("a redelivery, and the other run's event, add nothing", async () => {
    const issue = await firstIssue();
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub([issue]).config(null).checkRuns([FAILED, PASSED]).listing();

    await deliver(probot, "d-1", completedPayload(PASSED)); // the same delivery again
    await deliver(probot, "d-0", completedPayload(FAILED)); // the failed run's own event: no request at all

    github.scope.done();
    expect(github.requests).toEqual([...CONFIG, RUNS, LISTING]);
    expect(github.writes).toEqual([]);
  });

  it("both runs' events and a redelivery arriving together make one issue", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub().config(null).config(null).checkRuns([FAILED, PASSED]).checkRuns([FAILED, PASSED]).listing(2).annotations(FAILED.id, []).create();

    await Promise.all([
      deliver(probot, "d-pass", completedPayload(PASSED)),
      deliver(probot, "d-pass-again", completedPayload(PASSED)),
      deliver(probot, "d-fail", completedPayload(FAILED)),
    ]);

    github.scope.done();
    expect(github.writes.map((write) => write.write)).toEqual(["POST #41"]);
    expect(github.issues).toHaveLength(1);
  });

  it("a second occurrence on another SHA adds one row to the issue", async () => {
    const issue = await firstIssue();
    const other = "f".repeat(40);
    const failedAgain = restRun(128620300, "failure", 60, other);
    const passedAgain = restRun(128620301, "success", 70, other);
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub([issue]).config(null).checkRuns([failedAgain, passedAgain], other).listing().annotations(failedAgain.id, []).patch(issue.number);

    await deliver(probot, "d-2", completedPayload(passedAgain));

    github.scope.done();
    expect(github.requests.slice(-2)).toEqual([annotationsOf(failedAgain.id), `PATCH /repos/${OWNER}/${REPO}/issues/${issue.number}`]);
    expect(github.requests).toHaveLength(CONFIG.length + 4);
    const patched = github.writes[0]?.body as { body: string; state?: string; title?: string; labels?: string[] };
    expect(Object.keys(patched)).toEqual(["body"]);
    expect(patched.body.match(/^\| 2026-/gm)).toHaveLength(2);
    expect(parseFlakyCiMarker(patched.body)?.occurrences.map((recorded) => [recorded.sha, recorded.passed])).toEqual([
      [SHA, PASSED.id],
      [other, passedAgain.id],
    ]);
  });

  it("reopens a closed issue whose flakiness came back", async () => {
    const issue = { ...(await firstIssue()), state: "closed" as const, state_reason: "completed" };
    const failedAgain = restRun(128620400, "timed_out", 90);
    const passedAgain = restRun(128620401, "success", 100);
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub([issue]).config(null).checkRuns([FAILED, PASSED, failedAgain, passedAgain]).listing().annotations(failedAgain.id, []).patch(issue.number);

    await deliver(probot, "d-back", completedPayload(passedAgain));

    github.scope.done();
    expect(github.writes[0]?.body).toMatchObject({ state: "open" });
    expect(github.find(issue.number).state).toBe("open");
    expect(parseFlakyCiMarker(github.find(issue.number).body)?.occurrences).toHaveLength(2);
  });

  it("the created issue gets the flaky-test checklist through its own `issues.opened` event", async () => {
    const issue = await firstIssue();
    const { probot } = createTestProbot();
    mockInstallationToken();
    const scope = nock(API);
    mockConfigFile(scope, OWNER, REPO, null);
    const comments: string[] = [];
    scope
      .post("/graphql")
      .reply(200, {
        data: {
          repository: {
            url: `https://github.com/${OWNER}/${REPO}`,
            defaultBranchRef: { name: "main" },
            issue: { comments: { totalCount: 0, nodes: [] } },
            issues: { nodes: [] },
          },
        },
      })
      .post(`/repos/${OWNER}/${REPO}/issues/${issue.number}/comments`, (body: { body: string }) => comments.push(body.body) > 0)
      .reply(201, { id: 1 });
    const opened = examplePayload<{ issue: Record<string, unknown> }>("issues", "opened");
    Object.assign(opened.issue, { number: issue.number, title: issue.title, body: issue.body, labels: [{ name: "flaky-test" }], state: "open" });

    await probot.receive({ id: "d-opened", name: "issues", payload: opened } as never);

    scope.done();
    expect(comments).toHaveLength(1);
    expect(comments[0]?.trimEnd().endsWith(FLAKY_CHECKLIST_MARKER)).toBe(true);
  });
});

describe("check_run.completed: what is left alone", () => {
  it("`flaky.from_checks: off` makes no request beyond the config", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub().config("flaky:\n  from_checks: off\n");

    await deliver(probot, "d-off", completedPayload(PASSED));

    github.scope.done();
    expect(github.requests).toEqual([CONFIG[0]]);
  });

  it("a check in `flaky.ignore_checks` and eng-health's own check name: the config only", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub().config('flaky:\n  ignore_checks: ["Octocoders-*"]\n').config(null);

    await deliver(probot, "d-ignored", completedPayload(PASSED));
    await deliver(probot, "d-own-name", completedPayload({ ...PASSED, name: "Engineering practices" }));

    github.scope.done();
    expect(github.requests).toEqual([CONFIG[0], ...CONFIG]);
  });

  it("eng-health's own run (APP_ID), and a run that did not pass: no request at all", async () => {
    const { probot } = createTestProbot({ appId: 4242 });
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub();

    await deliver(probot, "d-own", completedPayload({ ...PASSED, app: { id: 4242 } }));
    await deliver(probot, "d-cancelled", completedPayload({ ...PASSED, conclusion: "cancelled" }));
    await deliver(probot, "d-neutral", completedPayload({ ...PASSED, conclusion: "neutral" }));

    github.scope.done();
    expect(github.requests).toEqual([]);
  });

  it("a pass with no earlier failure on its commit: config and the runs, nothing more", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub().config(null).checkRuns([restRun(128620226, "success", 5), PASSED]);

    await deliver(probot, "d-pass", completedPayload(PASSED));

    github.scope.done();
    expect(github.requests).toEqual([...CONFIG, RUNS]);
  });

  it("a malformed payload is logged with its delivery id", async () => {
    const { probot, logs } = createTestProbot();
    const payload = completedPayload(PASSED);
    delete (payload as { check_run?: unknown }).check_run;

    await deliver(probot, "d-malformed", payload);

    expect(logs).toContainEqual(expect.objectContaining({ deliveryId: "d-malformed", msg: "eng-health: malformed payload, no check run; ignored" }));
  });
});

describe("check_run.completed with `flaky.min_occurrences: 2`", () => {
  const CONFIG_TWICE = "flaky:\n  min_occurrences: 2\n";
  const SEARCH = `GET /search/issues?q=repo:${OWNER}/${REPO} is:issue in:body "eng-health:flaky-ci"&sort=updated&order=desc&per_page=100`;

  it("the first occurrence waits in a closed issue without the label; the second, seen by a fresh process, opens it with the label", async () => {
    const first = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub().config(CONFIG_TWICE).checkRuns([FAILED, PASSED]).listing().search().annotations(FAILED.id, []).create().patch(41);

    await deliver(first.probot, "d-1", completedPayload(PASSED));

    github.scope.done();
    expect(github.requests).toEqual([CONFIG[0], RUNS, LISTING, SEARCH, annotationsOf(FAILED.id), `POST /repos/${OWNER}/${REPO}/issues`, `PATCH /repos/${OWNER}/${REPO}/issues/41`]);
    expect(github.writes.map((write) => write.body.labels ?? write.body.state_reason)).toEqual([[], "not_planned"]);
    expect(github.find(41)).toMatchObject({ state: "closed", labels: [] });
    expect(parseFlakyCiMarker(github.find(41).body)).toMatchObject({ pending: true, occurrences: [{ passed: PASSED.id }] });

    const other = "e".repeat(40);
    const failedAgain = restRun(128620500, "failure", 60, other);
    const passedAgain = restRun(128620501, "success", 70, other);
    const second = createTestProbot();
    mockInstallationToken();
    const again = new FakeFlakyCiGitHub(github.issues).config(CONFIG_TWICE).checkRuns([failedAgain, passedAgain], other).listing().search().annotations(failedAgain.id, []).getIssue(41).patch(41);

    await deliver(second.probot, "d-2", completedPayload(passedAgain));

    again.scope.done();
    expect(again.requests.slice(1)).toEqual([
      RUNS.replace(SHA, other),
      LISTING,
      SEARCH,
      annotationsOf(failedAgain.id),
      `GET /repos/${OWNER}/${REPO}/issues/41`,
      `PATCH /repos/${OWNER}/${REPO}/issues/41`,
    ]);
    expect(again.writes[0]?.body).toMatchObject({ title: `Flaky: ${CHECK}`, state: "open", labels: ["flaky-test"] });
    expect(again.find(41).body).toMatch(/^The check `Octocoders-linter` failed and then passed/);
    expect(parseFlakyCiMarker(again.find(41).body)?.occurrences).toHaveLength(2);
  });

  it("a redelivery of a pending occurrence adds nothing", async () => {
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub().config(CONFIG_TWICE).checkRuns([FAILED, PASSED]).listing().search().annotations(FAILED.id, []).create().patch(41);
    await deliver(probot, "d-1", completedPayload(PASSED));
    github.scope.done();

    const again = new FakeFlakyCiGitHub(github.issues).config(CONFIG_TWICE).checkRuns([FAILED, PASSED]).listing().search();
    await deliver(probot, "d-1", completedPayload(PASSED));

    again.scope.done();
    expect(again.writes).toEqual([]);
  });
});

describe("check_run.completed: an occurrence with two failing tests", () => {
  it("opens one issue per test; a redelivery after a stop between the two writes completes the second only", async () => {
    const second = { ...TEST_ANNOTATION, title: "cache › evicts the oldest", start_line: 58 };
    const { probot } = createTestProbot();
    mockInstallationToken();
    const github = new FakeFlakyCiGitHub().config(null).checkRuns([FAILED, PASSED]).listing().annotations(FAILED.id, [TEST_ANNOTATION, second]).create(2);

    await deliver(probot, "d-two", completedPayload(PASSED));

    github.scope.done();
    expect(github.issues.map((issue) => issue.title)).toEqual([
      `Flaky: cache › expires entries (${CHECK})`,
      `Flaky: cache › evicts the oldest (${CHECK})`,
    ]);
    expect(parseFlakyCiMarker(github.issues[0]?.body ?? "")?.occurrences[0]?.tests).toEqual(["cache › expires entries", "cache › evicts the oldest"]);

    // As if the process had stopped after the first create: the redelivery writes the second issue only.
    const [kept] = github.issues;
    const again = new FakeFlakyCiGitHub(kept ? [kept] : []).config(null).checkRuns([FAILED, PASSED]).listing().annotations(FAILED.id, [TEST_ANNOTATION, second]).create();
    await deliver(probot, "d-two", completedPayload(PASSED));
    again.scope.done();
    expect(again.writes.map((write) => write.body.title)).toEqual([`Flaky: cache › evicts the oldest (${CHECK})`]);

    // And once both hold the pair, a redelivery reads no annotations and writes nothing.
    const done = new FakeFlakyCiGitHub(again.issues).config(null).checkRuns([FAILED, PASSED]).listing();
    await deliver(probot, "d-two", completedPayload(PASSED));
    done.scope.done();
    expect(done.writes).toEqual([]);
  });
});
