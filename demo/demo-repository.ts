import { createHash } from "node:crypto";
import type { Conclusion } from "../src/model/check-run.js";
import { buildSyntheticRepository, type PullRequestFile, type SyntheticRepository } from "../bench/synthetic-repository.js";

/** The stand-in's repository. */
export const DEMO_OWNER = "demo";
export const DEMO_REPO = "widgets";

/**
 * The demo repository's `.github/eng-health.yml`: documented reasoning is a
 * `failure`-level agreement, and database migrations are one-way doors that
 * need an ADR. Everything else is the default (tests and disabled tests at
 * `warning`, review and flaky tests at `notice`).
 */
export const DEMO_CONFIG = `# The team's agreements (everything not set here is the default).
reasoning:
  level: failure
  adr:
    required_for: ["db/migrations/**"]
`;

/** Pull requests merged over the weeks before the demo, for the weekly report. */
const HISTORY_PULL_REQUESTS = 80;
/** Weeks of history: the report's trend. */
const HISTORY_WEEKS = 8;

/** A pull request the demo opens on the stand-in, and what the team's agreements make of it. */
export interface DemoPullRequest {
  number: number;
  title: string;
  /** What the PR shows, in one line, for the reader of the demo. */
  story: string;
  body: string;
  author: string;
  files: PullRequestFile[];
  /** The conclusion the demo config gives, and why: the demo checks it. */
  expected: { conclusion: Conclusion; because: string };
}

/** One webhook delivery of the demo. */
export interface DemoDelivery {
  /** `pull_request` action: `opened`, or `edited` with the body changed. */
  action: "opened" | "edited";
  pr: DemoPullRequest;
  /** For `edited`: the description before the edit (the payload's `changes.body.from`). */
  previousBody?: string;
}

const WHY_EXPORT =
  "## Why\nFinance closes the month from a spreadsheet and today copies invoices out by hand, which takes a day and goes wrong. A CSV export of the month's invoices lets them import the figures directly.\n\n## Testing\nA test exports three invoices, one with a comma in its customer name, and reads the file back.";
const WHY_ROUNDING =
  "## Why\nInvoice totals were truncated to the cent, so a customer paying 10.005 was billed 10.00 and our ledger drifted from the bank's. Rounding half-up matches what the bank does.\n\n## Testing\nAdded cases for .005, .0049 and negative credits to the invoice tests.";
const WHY_CURRENCY =
  "## Why\nWe start invoicing customers in euros next quarter, so every invoice needs to record its currency instead of assuming dollars everywhere in the billing code.\n\n## Testing\nRan the migration forward and back on a copy of the staging database.";
const WHY_SKIP =
  "## Why\nThe PDF footer test fails about once in twenty runs on CI and blocks releases. We skip it for now so the release can go out while we look for the cause.\n\n## Testing\nThe rest of the billing suite passes three times in a row.";

function lines(prefix: string, count: number, text: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => `${prefix}${text(index)}`).join("\n");
}

/** A patch that adds a file of `count` lines. */
function addedPatch(count: number, text: (index: number) => string): string {
  return `@@ -0,0 +1,${count} @@\n${lines("+", count, text)}`;
}

/** The demo's four pull requests, numbered after the history. */
export function demoPullRequests(firstNumber: number): DemoPullRequest[] {
  const [empty, good, migration, skipped] = [0, 1, 2, 3].map((offset) => firstNumber + offset) as [number, number, number, number];
  return [
    {
      number: empty,
      title: "Add a CSV export for invoices",
      story: "a pull request opened with an empty description",
      body: "",
      author: "ada",
      files: [
        { filename: "src/billing/export-csv.ts", status: "added", additions: 24, deletions: 0, patch: addedPatch(24, (i) => `export const line${i} = ${i};`) },
        { filename: "test/billing/export-csv.test.ts", status: "added", additions: 18, deletions: 0, patch: addedPatch(18, (i) => `// case ${i}`) },
      ],
      expected: { conclusion: "failure", because: "documented reasoning is a failure-level agreement here, and the description is empty" },
    },
    {
      number: good,
      title: "Round invoice totals half-up",
      story: "a pull request that explains why and changes its test with its code",
      body: WHY_ROUNDING,
      author: "grace",
      files: [
        { filename: "src/billing/invoice.ts", status: "modified", additions: 9, deletions: 3, patch: "@@ -10,3 +10,9 @@\n-  return Math.floor(total * 100) / 100;\n+  return roundHalfUp(total, 2);\n+}\n+\n+function roundHalfUp(value: number, digits: number): number {\n+  const factor = 10 ** digits;\n+  return Math.round((value + Number.EPSILON) * factor) / factor;" },
        { filename: "test/billing/invoice.test.ts", status: "modified", additions: 12, deletions: 0, patch: addedPatch(12, (i) => `  // rounding case ${i}`) },
      ],
      expected: { conclusion: "success", because: "every agreement at warning or failure level is met" },
    },
    {
      number: migration,
      title: "Add a currency column to invoices",
      story: "a database migration (a one-way door) without an ADR",
      body: WHY_CURRENCY,
      author: "linus",
      files: [
        {
          filename: "db/migrations/20261116_add_invoice_currency.sql",
          status: "added",
          additions: 4,
          deletions: 0,
          patch: "@@ -0,0 +1,4 @@\n+ALTER TABLE invoices\n+  ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'USD';\n+\n+CREATE INDEX invoices_currency ON invoices (currency);",
        },
      ],
      expected: { conclusion: "failure", because: "db/migrations/** needs an ADR (reasoning.adr.required_for), and reasoning is at failure level" },
    },
    {
      number: skipped,
      title: "Skip the flaky PDF footer test",
      story: "a newly skipped test that no flaky-test issue tracks",
      body: WHY_SKIP,
      author: "margaret",
      files: [
        {
          filename: "test/billing/pdf.test.ts",
          status: "modified",
          additions: 1,
          deletions: 1,
          patch: '@@ -40,7 +40,7 @@ describe("invoice PDF", () => {\n   });\n \n-  it("renders the footer on every page", async () => {\n+  it.skip("renders the footer on every page", async () => {\n     const pdf = await renderInvoicePdf(longInvoice);\n     expect(pdf.pages.every((page) => page.footer)).toBe(true);\n   });',
        },
      ],
      expected: { conclusion: "neutral", because: "disabled tests stay at the default warning level: shown, not blocking" },
    },
  ];
}

/**
 * The deliveries, in order: the four PRs opened, then the first one's
 * description written (`edited`), which updates its check run rather than
 * adding a second one.
 */
export function demoDeliveries(prs: readonly DemoPullRequest[]): DemoDelivery[] {
  const [first] = prs;
  if (first === undefined) return [];
  const fixed: DemoPullRequest = {
    ...first,
    story: "the same pull request, its description written (the check run is updated, not duplicated)",
    body: WHY_EXPORT,
    expected: { conclusion: "success", because: "the description now explains why, and the export has its test" },
  };
  return [...prs.map((pr) => ({ action: "opened" as const, pr })), { action: "edited", pr: fixed, previousBody: first.body }];
}

/** A stable, made-up head SHA for a demo pull request (40 hex digits). */
export function demoHeadSha(pr: Pick<DemoPullRequest, "number" | "title">): string {
  return createHash("sha1").update(`${pr.number} ${pr.title}`).digest("hex");
}

/**
 * The stand-in's repository: `HISTORY_PULL_REQUESTS` synthetic pull requests
 * over the `HISTORY_WEEKS` weeks that end at `weekEnd` (the last complete
 * week, for the report), the demo config, and the demo's pull requests with
 * their changed files.
 *
 * @param input `weekEnd`: ISO instant the last complete week ends; `now`: the demo's instant
 */
export function buildDemoRepository(input: { weekEnd: string; now: string }): { repository: SyntheticRepository; pullRequests: DemoPullRequest[] } {
  const repository = buildSyntheticRepository({
    owner: DEMO_OWNER,
    repo: DEMO_REPO,
    pullRequests: HISTORY_PULL_REQUESTS,
    end: input.weekEnd,
    weeks: HISTORY_WEEKS,
    now: input.now,
  });
  const pullRequests = demoPullRequests(repository.pullRequests.length + repository.flakyIssues.length + 1);
  repository.config = DEMO_CONFIG;
  repository.eventPullRequests = pullRequests.map((pr) => ({ number: pr.number, headSha: demoHeadSha(pr), draft: false, files: pr.files }));
  return { repository, pullRequests };
}
