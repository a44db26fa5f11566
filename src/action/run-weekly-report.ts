import { CONFIG_PATH } from "../config/schema.js";
import { reportConfigErrors } from "../config/report-config-errors.js";
import { requestMeter } from "../github/count-requests.js";
import { findReportIssues } from "../github/find-report-issues.js";
import type { GitHubClient } from "../github/github-client.js";
import { loadConfig } from "../github/load-config.js";
import type { Log } from "../model/log.js";
import { buildWeeklyReport } from "../pipelines/build-weekly-report.js";
import { publishReport } from "../publish/publish-report.js";
import { chooseReportWeek } from "../time/choose-report-week.js";
import { ActionInputError } from "./action-input-error.js";
import type { ActionInputs } from "./read-action-inputs.js";
import type { ActionContext } from "./read-action-context.js";
import { renderReportSummary } from "./render-report-summary.js";
import type { ActionIo } from "./runner-io.js";
import { workflowCommand } from "./workflow-command.js";

/** Inputs of {@link runWeeklyReport}. */
export interface WeeklyReportInput {
  context: ActionContext;
  inputs: Pick<ActionInputs, "week" | "publish">;
  now: Date;
}

/**
 * The weekly team-health report as a step, with the app's stages: the config
 * from the default branch; the week (`week`, or the last complete ISO week in
 * `report.timezone`; one that has not ended is refused); the report issues,
 * listed once; the report built (`buildWeeklyReport`, the trend from earlier
 * reports' markers) and published idempotently (`publishReport`: one issue per
 * week, found by its marker, with `close_previous`). The workflow's `schedule`
 * decides when; `report.day` and `report.time` are the app's schedule and are
 * not read here.
 *
 * - On `schedule`, a week whose report is already published is left as it is
 *   (as the app's scheduled job does), at the cost of the config and one listing;
 *   any other event (`workflow_dispatch`, someone asked) rebuilds and updates it.
 * - Not published, only printed, when the `publish` input is false, when
 *   `report.enabled` is false, or when the `report` section has errors or a
 *   config file was ignored (as the app does: a typo must not publish against
 *   the team's wishes); each config error is an `::error` on its file and line.
 * - The report goes to the job summary, its issue's URL to the `report-url` output.
 *
 * @returns the exit code: 0 built (and published when it should be), 1 when
 *   config errors stopped publishing
 * @throws {@link ActionInputError} for a week that has not ended; the client's
 *   `RequestError` when GitHub cannot be read or written
 */
export async function runWeeklyReport(client: GitHubClient, input: WeeklyReportInput, io: ActionIo, log: Log): Promise<number> {
  const { context } = input;
  const { owner, repo } = context;
  const calls = requestMeter(client);
  const loaded = await loadConfig(client, { owner, repo });
  const config = loaded.config;
  let week: string;
  try {
    week = chooseReportWeek({ week: input.inputs.week, nowIso: input.now.toISOString(), timezone: config.report.timezone }).week;
  } catch (error) {
    throw new ActionInputError(error instanceof Error ? error.message : String(error));
  }

  const blocking = reportConfigErrors(loaded.errors);
  for (const error of loaded.errors) {
    // Only the repository's own file can be annotated; another (the organisation's `.github`) is named in the message.
    const own = error.path === CONFIG_PATH;
    const where = { file: own ? error.path : undefined, line: own ? (error.line ?? undefined) : undefined, title: "eng-health config" };
    const line = error.line === null ? "" : `, line ${error.line}`;
    io.log(workflowCommand(blocking.includes(error) ? "error" : "warning", where, `${error.path}${line}: ${error.message}`));
  }
  const notPublished = !input.inputs.publish
    ? "the publish input is false, so it is only shown here."
    : !config.report.enabled
      ? "`report.enabled` is false in the config, so it is only shown here."
      : blocking.length > 0
        ? "the config's `report` section has errors (see the annotations), and a typo must not publish against the team's wishes. Fix them and run this workflow again."
        : null;

  const listed = await findReportIssues(client, { owner, repo, labels: config.report.labels });
  const existing = listed.issues.find((issue) => issue.marker?.week === week);
  if (notPublished === null && context.eventName === "schedule" && existing) {
    io.output("report-url", existing.htmlUrl);
    io.summary(renderReportSummary({ week, status: { kind: "already published", number: existing.number, url: existing.htmlUrl }, report: null }));
    log.info({ week, issue: existing.number, apiCalls: calls() }, `eng-health: the report for ${week} is already published: ${existing.htmlUrl}`);
    return 0;
  }

  const report = await buildWeeklyReport(client, {
    owner,
    repo,
    week,
    config,
    reports: listed.issues,
    priorApiCalls: calls(),
    webUrl: context.serverUrl,
    onProgress: (message) => io.log(`eng-health: ${message}`),
  });
  if (notPublished !== null) {
    io.summary(renderReportSummary({ week, status: { kind: "not published", reason: notPublished }, report }));
    log.info({ week, apiCalls: calls() }, `eng-health: the report for ${week} was not published: ${notPublished}`);
    return blocking.length > 0 && input.inputs.publish && config.report.enabled ? 1 : 0;
  }

  const published = await publishReport(client, { owner, repo, week, title: report.title, body: report.body, report: config.report, listed: listed.issues });
  io.output("report-url", published.htmlUrl);
  io.summary(renderReportSummary({ week, status: { kind: "published", action: published.action, number: published.number, url: published.htmlUrl, closedPrevious: published.closedPrevious }, report }));
  log.info({ week, issue: published.number, apiCalls: calls() }, `eng-health: ${published.action} the report for ${week}: ${published.htmlUrl}`);
  return 0;
}
