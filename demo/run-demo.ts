import { setTimeout as sleep } from "node:timers/promises";
import { runCli } from "../src/cli/run-cli.js";
import { isoWeekWindow, lastCompleteIsoWeek } from "../src/time/iso-week.js";
import { startSyntheticGitHub } from "../bench/synthetic-github.js";
import type { StoredCheckRun, SyntheticRepository } from "../bench/synthetic-repository.js";
import { demoPayload, sendDelivery } from "./demo-delivery.js";
import { buildDemoRepository, DEMO_CONFIG, DEMO_OWNER, DEMO_REPO, demoDeliveries, demoHeadSha, type DemoDelivery } from "./demo-repository.js";
import { renderDemoCheckRun } from "./render-demo-check-run.js";
import { startDemoServer, type DemoServer } from "./start-demo-server.js";

/** Where the demo writes. */
export interface DemoIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** How long one delivery may take to show its check run before the demo gives up (the server acknowledges within 5 s). */
const RUN_TIMEOUT_MS = 20_000;
const POLL_MS = 25;
/** The demo's pull requests were opened this long before the demo runs, a few minutes apart. */
const OPENED_AGO_MS = 40 * 60_000;
const OPENED_APART_MS = 5 * 60_000;
/** The report's time zone in the demo config (the default). */
const REPORT_TIMEZONE = "UTC";

/**
 * `npm run demo`: eng-health's main job on a machine with no GitHub at all.
 *
 * 1. Starts the bench's stand-in for the GitHub API on 127.0.0.1 with one
 *    repository, `demo/widgets`: the demo config (`DEMO_CONFIG`), 8 weeks of
 *    synthetic history up to the last complete ISO week, and four open pull
 *    requests.
 * 2. Starts the real server (Probot's `run` with eng-health's app) pointed at
 *    the stand-in (`startDemoServer`).
 * 3. Sends it signed `pull_request` deliveries built from
 *    `@octokit/webhooks-examples` (the four PRs opened, then the first one's
 *    description written), and prints each check run the server wrote, with
 *    the event and the rules that decided its conclusion.
 * 4. Builds the weekly report for the last complete week with
 *    `eng-health report demo/widgets` (the CLI, the same pipeline as the
 *    scheduled job) against the stand-in, and prints it.
 *
 * Every conclusion is checked against the one the demo config should give.
 *
 * @param io where to print (stdout: the outputs; stderr: progress and server warnings)
 * @param options `now`: the demo's instant (default: the clock)
 * @returns the exit code: 0 when every check run concluded as expected and the report was built, else 1
 */
export async function runDemo(io: DemoIo, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const week = lastCompleteIsoWeek(nowIso, REPORT_TIMEZONE);
  const window = isoWeekWindow(week, REPORT_TIMEZONE);
  const { repository, pullRequests } = buildDemoRepository({ weekEnd: window.end, now: nowIso });
  const standIn = await startSyntheticGitHub({ repositories: [repository], latencyMs: 0 });
  let server: DemoServer | undefined;
  try {
    server = await startDemoServer({
      ghHost: standIn.host,
      onWarning: (line) => io.stderr(`eng-health demo: the server logged: ${line.msg}${line.err ? ` (${JSON.stringify(line.err)})` : ""}\n`),
    });
    io.stdout(introduction(standIn.apiUrl, server.webhookUrl));

    const deliveries = demoDeliveries(pullRequests);
    const outcomes: Array<{ delivery: DemoDelivery; conclusion: string | null }> = [];
    for (const [index, delivery] of deliveries.entries()) {
      const position = pullRequests.findIndex((pr) => pr.number === delivery.pr.number);
      const openedAt = new Date(now.getTime() - OPENED_AGO_MS + position * OPENED_APART_MS).toISOString();
      const deliveryId = `demo-${index + 1}`;
      const headSha = demoHeadSha(delivery.pr);
      const writesBefore = checkRunOn(repository, headSha)?.writes ?? 0;
      const status = await sendDelivery({ url: server.webhookUrl, secret: server.secret, event: "pull_request", deliveryId, payload: demoPayload(delivery, { openedAt, now: nowIso }) });
      const run = await waitForCheckRun(repository, headSha, writesBefore);
      if (status >= 300 || run === null) {
        io.stderr(`eng-health demo: delivery ${deliveryId} got HTTP ${status} and ${run === null ? "no check run" : "a check run"} within ${RUN_TIMEOUT_MS / 1000} s\n`);
        outcomes.push({ delivery, conclusion: null });
        continue;
      }
      const written = server.logs.find((line) => line.msg === "eng-health: check run written" && line.deliveryId === deliveryId);
      io.stdout(
        renderDemoCheckRun(run, {
          index: index + 1,
          total: deliveries.length,
          event: `pull_request.${delivery.action}`,
          deliveryId,
          repository: `${DEMO_OWNER}/${DEMO_REPO}`,
          number: delivery.pr.number,
          title: delivery.pr.title,
          story: `${delivery.pr.story}; expected ${delivery.pr.expected.conclusion}: ${delivery.pr.expected.because}`,
          apiCalls: typeof written?.apiCalls === "number" ? written.apiCalls : null,
        }),
      );
      outcomes.push({ delivery, conclusion: run.conclusion });
    }
    io.stdout(summary(outcomes, repository));

    io.stdout(`━━━ The weekly team-health report for ${week} (the last complete ISO week), as \`eng-health report ${DEMO_OWNER}/${DEMO_REPO}\` builds it\n`);
    io.stdout(
      `    from the stand-in's ${repository.pullRequests.length} pull requests and ${repository.flakyIssues.length} flaky-test issues of the last 8 weeks; the scheduled job publishes it as an issue at report.day and report.time\n\n`,
    );
    const reportCode = await runCli(
      ["report", `${DEMO_OWNER}/${DEMO_REPO}`],
      { GITHUB_TOKEN: "demo-token", GITHUB_API_URL: standIn.apiUrl },
      { stdout: io.stdout, stderr: (text) => io.stderr(text.replace(/^eng-health: /, "eng-health demo: report: ")) },
      { now },
    );
    io.stdout(
      `\n━━━ Done: the stand-in answered ${standIn.requests.rest} REST and ${standIn.requests.graphql} GraphQL requests on 127.0.0.1; nothing left this machine.\n` +
        "    Next: register the app on your organisation and install it on a few repositories (README, \"Install\").\n",
    );
    const mismatched = outcomes.filter((outcome) => outcome.conclusion !== outcome.delivery.pr.expected.conclusion);
    for (const { delivery, conclusion } of mismatched) {
      io.stderr(`eng-health demo: #${delivery.pr.number} (${delivery.action}) concluded ${conclusion ?? "nothing"}, expected ${delivery.pr.expected.conclusion}\n`);
    }
    return mismatched.length === 0 && reportCode === 0 ? 0 : 1;
  } finally {
    await server?.stop();
    await standIn.close();
  }
}

function introduction(apiUrl: string, webhookUrl: string): string {
  const config = DEMO_CONFIG.trimEnd()
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n");
  return [
    "eng-health demo: the real server and a local stand-in for the GitHub API; no GitHub account, token or network needed.",
    `  stand-in GitHub API  ${apiUrl} (GraphQL at /api/graphql), serving the repository ${DEMO_OWNER}/${DEMO_REPO}`,
    `  eng-health server    ${webhookUrl} (Probot's run, GHE_HOST pointing at the stand-in, a throwaway key)`,
    `  ${DEMO_OWNER}/${DEMO_REPO}'s .github/eng-health.yml:`,
    config,
    "",
    "Each pull request below arrives as a signed webhook delivery (a real payload from @octokit/webhooks-examples, moved onto",
    `${DEMO_OWNER}/${DEMO_REPO}); what follows it is the check run the server wrote to the stand-in, as the PR's Checks tab shows it.`,
    "",
    "",
  ].join("\n");
}

function summary(outcomes: ReadonlyArray<{ delivery: DemoDelivery; conclusion: string | null }>, repository: SyntheticRepository): string {
  const rows = outcomes.map(
    ({ delivery, conclusion }) =>
      `  #${delivery.pr.number} pull_request.${delivery.action.padEnd(7)} ${(conclusion ?? "none").padEnd(8)} ${conclusion === delivery.pr.expected.conclusion ? "as expected" : `EXPECTED ${delivery.pr.expected.conclusion}`}: ${delivery.pr.expected.because}`,
  );
  const runs = repository.checkRuns?.length ?? 0;
  return `━━━ ${outcomes.length} deliveries, ${runs} check runs (one per head SHA: the edit updated its run)\n${rows.join("\n")}\n\n`;
}

function checkRunOn(repository: SyntheticRepository, headSha: string): StoredCheckRun | undefined {
  return repository.checkRuns?.filter((run) => run.head_sha === headSha).at(-1);
}

/** Wait until the check run on `headSha` has been written more than `writesBefore` times and is completed. */
async function waitForCheckRun(repository: SyntheticRepository, headSha: string, writesBefore: number): Promise<StoredCheckRun | null> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const run = checkRunOn(repository, headSha);
    if (run && run.writes > writesBefore && run.status === "completed") return run;
    await sleep(POLL_MS);
  }
  return null;
}
