import { requestMeter } from "../github/count-requests.js";
import type { GitHubClient } from "../github/github-client.js";
import { loadConfig } from "../github/load-config.js";
import { buildRollupReport } from "../pipelines/build-rollup-report.js";
import { buildWeeklyReport } from "../pipelines/build-weekly-report.js";
import { chooseReportWeek } from "../time/choose-report-week.js";
import { parseIsoWeek } from "../time/iso-week.js";
import { publishReport } from "../publish/publish-report.js";
import type { CliIo } from "./run-check.js";
import { usageCheck } from "./usage-check.js";

/**
 * `eng-health report OWNER/REPO [--week YYYY-Www] [--json] [--publish]`:
 * build the weekly team-health report exactly as the scheduled job does
 * (config from the default branch, same facts, same metrics) and print it.
 *
 * - The week defaults to the last complete ISO week at `now` in
 *   `report.timezone`; a malformed week is refused before any request, a
 *   week that has not ended yet once the config has named the time zone.
 * - Prints the rendered markdown (title as a heading, then the body), or with
 *   `--json` `{"week", "metrics", "api_calls"}` (the requests used to build the
 *   report, as in its footer). With `rollup.repos` in the config the report
 *   covers those repositories (`buildRollupReport`): `metrics` are the team's,
 *   and the JSON adds `repositories` (`owner/name` → figures) and
 *   `not_included` (`[{repository, reason}]`), each also named on stderr.
 * - Posts nothing unless `--publish`; then the issue is created or updated
 *   ({@link publishReport}) and a line on stderr says which. A config with
 *   errors is printed about and never published. Unlike the scheduled job,
 *   `--publish` publishes where no config file exists (the defaults apply):
 *   it is an explicit request, and a line on stderr says so.
 * - Progress lines go to stderr while collecting.
 *
 * @returns the exit code: 0 built (and published when asked), 2 when the config has errors
 * @throws `UsageError` for a malformed week or one that has not ended (exit 2);
 *   the client's `RequestError` when GitHub cannot be read or written (exit 1)
 */
export async function runReport(
  client: GitHubClient,
  input: { owner: string; repo: string; week: string | null; json: boolean; publish: boolean; now: Date },
  io: CliIo,
): Promise<number> {
  const { owner, repo } = input;
  if (input.week !== null) usageCheck(() => parseIsoWeek(input.week as string));
  const calls = requestMeter(client);
  const loaded = await loadConfig(client, { owner, repo });
  const config = loaded.config;
  const window = usageCheck(() => chooseReportWeek({ week: input.week, nowIso: input.now.toISOString(), timezone: config.report.timezone }));

  const common = {
    owner,
    repo,
    week: window.week,
    config,
    priorApiCalls: calls(),
    onProgress: (message: string) => io.stderr(`eng-health: ${message}\n`),
  };
  const rollup = config.rollup.repos.length > 0 ? await buildRollupReport(client, { ...common, configErrors: loaded.errors.length }) : null;
  const report = rollup ?? (await buildWeeklyReport(client, common));

  if (rollup) {
    for (const omission of rollup.notIncluded) {
      const why = omission.reason === "unreadable" ? "cannot be read with this token" : "is past the most repositories one rollup covers";
      io.stderr(`eng-health: ${omission.repository} is not included: it ${why}\n`);
    }
  }
  if (input.json) {
    const repositories = rollup ? { repositories: rollup.repositories, not_included: rollup.notIncluded } : {};
    io.stdout(`${JSON.stringify({ week: report.week, metrics: report.metrics, ...repositories, api_calls: report.apiCalls }, null, 2)}\n`);
  } else {
    io.stdout(`# ${report.title}\n\n${report.body}`);
  }

  const [first] = loaded.errors;
  if (first) {
    const where = first.line === null ? first.path : `${first.path}, line ${first.line}`;
    const more = loaded.errors.length > 1 ? ` (and ${loaded.errors.length - 1} more)` : "";
    const unpublished = input.publish ? "; nothing was published" : "";
    io.stderr(`eng-health: config error: ${where}: ${first.message.replace(/`/g, "")}${more}${unpublished}\n`);
    return 2;
  }

  if (input.publish) {
    if (loaded.sources.length === 0) {
      io.stderr(
        `eng-health: ${owner}/${repo} has no config file (neither its own .github/eng-health.yml nor ${owner}/.github's); publishing with the defaults because --publish asked for it (the scheduled job publishes only where a config file exists)\n`,
      );
    }
    const published = await publishReport(client, { owner, repo, week: report.week, title: report.title, body: report.body, report: config.report });
    const closed = published.closedPrevious === null ? "" : `; closed the previous report #${published.closedPrevious}`;
    io.stderr(`eng-health: ${published.action} #${published.number} ${published.htmlUrl}${closed}\n`);
  }
  return 0;
}
