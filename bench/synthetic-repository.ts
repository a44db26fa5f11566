import type { ReviewTimelineEvent, SubmittedReview } from "../src/model/pull-request-facts.js";
import type { ReportChangedFile, ReportFlakyIssue, ReportPullRequest } from "../src/model/report-facts.js";
import { parseInstant } from "../src/time/parse-instant.js";

/** An issue the stand-in stores (report issues, created through the REST API). */
export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
  htmlUrl: string;
}

/** A changed file as `GET /repos/{owner}/{repo}/pulls/{pull_number}/files` lists it. */
export interface PullRequestFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  additions: number;
  deletions: number;
  patch?: string;
}

/** An open pull request that webhook deliveries are sent for (the demo): what a PR event reads besides its payload. */
export interface EventPullRequest {
  number: number;
  headSha: string;
  draft: boolean;
  files: PullRequestFile[];
}

/** A check run the stand-in stores, as the Checks API takes it (snake case, REST shape). */
export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url?: string;
  output: {
    title: string;
    summary: string;
    text?: string;
    /** Every annotation sent, in order: like GitHub, an update appends its annotations to the earlier ones. */
    annotations: Array<{ path: string; start_line: number; end_line: number; annotation_level: string; message: string; title?: string }>;
  };
  /** How many times it was created (1) plus updated. */
  writes: number;
}

/** A comment on an issue or pull request. */
export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
}

/** A whole synthetic repository, in the plain shapes of `ReportFacts`. */
export interface SyntheticRepository {
  owner: string;
  repo: string;
  /** The PR template on the default branch. */
  template: string;
  pullRequests: ReportPullRequest[];
  flakyIssues: ReportFlakyIssue[];
  /** Plain issues (reports), newest last; the stand-in adds to them. */
  issues: StoredIssue[];
  /** `.github/eng-health.yml` on the default branch; absent: 404 (the defaults apply). */
  config?: string;
  /** Pull requests that webhooks are sent for, with their changed files. */
  eventPullRequests?: EventPullRequest[];
  /** Check runs written to the stand-in, in creation order. */
  checkRuns?: StoredCheckRun[];
  /** Comments posted to the stand-in, in order. */
  comments?: StoredComment[];
}

/** Options of {@link buildSyntheticRepository}. */
export interface SyntheticOptions {
  owner: string;
  repo: string;
  /** Pull requests to create. */
  pullRequests: number;
  /** ISO instant the PRs' creation times end at (a report window's end). */
  end: string;
  /** Weeks before `end` over which creation times are spread. */
  weeks: number;
  /** ISO instant nothing happens after (the moment the report runs). */
  now: string;
  /** Seed of the pseudo-random generator (same seed, same repository). */
  seed?: number;
}

const HOUR_MS = 3_600_000;
const TEAM = ["ada", "brendan", "grace", "guido", "james", "ken", "linus", "margaret", "rob", "barbara", "dennis", "bjarne"];
const MODULES = ["billing", "cache", "auth", "search", "export", "reports"];
const REASONING =
  "## Why\nCustomers on annual plans were charged twice when a renewal crossed midnight UTC, because the renewal job compared local dates. This compares instants instead and keeps the old path behind a flag for one release.\n\n## Testing\nAdded a regression test for the midnight case.";

/**
 * A deterministic synthetic repository for the report benchmark and the
 * stand-in test: `pullRequests` PRs created evenly over `weeks` weeks before
 * `end` (moved into UTC working hours) by a team of twelve (5 % by a bot),
 * most reviewed within a day or two and merged soon after, some opened as
 * drafts, some abandoned or still waiting without a review; one
 * flaky-test issue per 200 PRs (at least 3), about half closed.
 * Nothing happens after `now`.
 *
 * @returns the repository, its PRs numbered from 1 and flaky issues after them
 * @throws RangeError when `end` or `now` is not an ISO instant
 */
export function buildSyntheticRepository(options: SyntheticOptions): SyntheticRepository {
  const random = mulberry32(options.seed ?? 47);
  const endMs = parseInstant(options.end);
  const nowMs = parseInstant(options.now);
  const spanMs = options.weeks * 7 * 24 * HOUR_MS;
  const startMs = endMs - spanMs;
  const url = `https://github.com/${options.owner}/${options.repo}`;
  const at = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
  const happened = (ms: number): boolean => ms <= nowMs;

  const pullRequests: ReportPullRequest[] = [];
  for (let index = 0; index < options.pullRequests; index += 1) {
    const number = index + 1;
    const createdMs = duringWorkingHours(startMs + ((index + random()) * spanMs) / options.pullRequests);
    const bot = random() < 0.05;
    const authorIndex = Math.floor(random() * TEAM.length);
    const author = bot ? { login: "dependabot[bot]", type: "Bot" } : { login: TEAM[authorIndex] as string, type: "User" };
    const reviewer = TEAM[(authorIndex + 1 + Math.floor(random() * (TEAM.length - 1))) % TEAM.length] as string;

    const timeline: ReviewTimelineEvent[] = [];
    const reviews: SubmittedReview[] = [];
    const createdAsDraft = !bot && random() < 0.15;
    let readyMs: number | null = createdMs;
    if (createdAsDraft) {
      const readyAfter = random() < 0.2 ? Number.POSITIVE_INFINITY : (1 + random() * 30) * HOUR_MS;
      readyMs = happened(createdMs + readyAfter) ? createdMs + readyAfter : null;
      if (readyMs !== null) timeline.push({ type: "ready_for_review", at: at(readyMs) });
    }
    if (readyMs !== null) timeline.push({ type: "review_requested", at: at(readyMs) });

    let mergedMs: number | null = null;
    let closedMs: number | null = null;
    const reviewed = random() < 0.9;
    if (readyMs !== null && !reviewed && random() < 0.6) {
      // Abandoned without a review after a few days.
      const abandonedMs = readyMs + (24 + random() * 96) * HOUR_MS;
      if (happened(abandonedMs)) closedMs = abandonedMs;
    }
    if (readyMs !== null && reviewed) {
      // Mostly within a working day, with a long tail.
      const reviewMs = readyMs + (random() < 0.7 ? 0.2 + random() * 8 : 8 + random() * 70) * HOUR_MS;
      if (happened(reviewMs)) {
        reviews.push({ author: { login: reviewer, type: "User" }, submittedAt: at(reviewMs), state: random() < 0.3 ? "COMMENTED" : "APPROVED" });
        const doneMs = reviewMs + (0.5 + random() * 30) * HOUR_MS;
        if (happened(doneMs)) {
          if (random() < 0.93) mergedMs = doneMs;
          closedMs = doneMs;
        }
      }
    }
    const open = closedMs === null;
    const draft = open && readyMs === null;
    pullRequests.push({
      number,
      title: bot ? `Bump dependency ${number % 40} to the latest minor version` : `${pick(MODULES, random)}: change ${number}`,
      body: bot ? "Bumps a dependency." : random() < 0.8 ? REASONING : "Small fix.",
      author,
      draft,
      state: open ? "open" : "closed",
      createdAt: at(createdMs),
      mergedAt: mergedMs === null ? null : at(mergedMs),
      closedAt: closedMs === null ? null : at(closedMs),
      labels: random() < 0.03 ? ["skip-tests"] : [],
      htmlUrl: `${url}/pull/${number}`,
      files: syntheticFiles(random, bot),
      filesTruncated: false,
      review: {
        createdAsDraft,
        timeline,
        reviews,
        requestedReviewers: open && reviews.length === 0 && readyMs !== null ? [reviewer] : [],
        requestedTeams: [],
      },
    });
  }

  const flakyIssues: ReportFlakyIssue[] = [];
  const flakyCount = Math.max(3, Math.floor(options.pullRequests / 200));
  for (let index = 0; index < flakyCount; index += 1) {
    const number = options.pullRequests + index + 1;
    const createdMs = startMs + ((index + random()) * spanMs) / flakyCount;
    const closeMs = createdMs + (3 + random() * 20) * 24 * HOUR_MS;
    const closed = random() < 0.5 && happened(closeMs);
    flakyIssues.push({
      number,
      title: `Flaky: ${pick(MODULES, random)} test times out now and then`,
      htmlUrl: `${url}/issues/${number}`,
      createdAt: at(createdMs),
      closedAt: closed ? at(closeMs) : null,
      assignees: random() < 0.5 ? [pick(TEAM, random)] : [],
      labeledAt: at(createdMs),
      state: closed ? "closed" : "open",
    });
  }

  return {
    owner: options.owner,
    repo: options.repo,
    template: "## Why\n<!-- What problem does this solve, and why this way? -->\n\n## Testing\n<!-- How do we know it works? -->\n",
    pullRequests,
    flakyIssues,
    issues: [],
  };
}

/**
 * Move an instant into UTC working hours, where people open pull requests:
 * Saturday and Sunday to the Friday before (so nothing moves past the end of
 * a week), and an hour outside 09:00-17:00 into it (same minute). Keeps the
 * order of instants only roughly, which is all the synthetic data needs.
 */
function duringWorkingHours(ms: number): number {
  const date = new Date(ms);
  const weekday = date.getUTCDay();
  const shiftDays = weekday === 6 ? -1 : weekday === 0 ? -2 : 0;
  const hour = date.getUTCHours();
  const workingHour = hour >= 9 && hour < 17 ? hour : 9 + (hour % 8);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + shiftDays, workingHour, date.getUTCMinutes(), date.getUTCSeconds());
}

function syntheticFiles(random: () => number, bot: boolean): ReportChangedFile[] {
  if (bot) return [{ filename: "package-lock.json", status: "modified", additions: 40, deletions: 38 }];
  const module = pick(MODULES, random);
  const files: ReportChangedFile[] = [];
  const sources = 1 + Math.floor(random() * 4);
  for (let index = 0; index < sources; index += 1) {
    files.push({ filename: `src/${module}/part-${index}.ts`, status: "modified", additions: 1 + Math.floor(random() * 120), deletions: Math.floor(random() * 40) });
  }
  if (random() < 0.75) files.push({ filename: `test/${module}/part-0.test.ts`, status: "modified", additions: 5 + Math.floor(random() * 60), deletions: 0 });
  if (random() < 0.2) files.push({ filename: `docs/${module}.md`, status: "modified", additions: 3, deletions: 1 });
  return files;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A small seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
