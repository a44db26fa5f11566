import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { measureWeek } from "../../../src/report/measure-week.js";
import { sizeRule } from "../../../src/rules/size.js";
import { buildReportFacts, buildReportPullRequest, reviewBy } from "../../helpers/build-report-facts.js";

/** Wall-clock review time, so hours are easy to check by hand. */
const WALL_CLOCK = { business_hours: false, first_review_within: "24h" } as const;
const CODEOWNERS = { path: ".github/CODEOWNERS", text: "/src/billing/ @acme/billing @alice\n" };
const billingFile = { filename: "src/billing/invoice.ts", status: "modified" as const, additions: 10, deletions: 0 };

/** PR #1, ready Monday 10:00, reviewed by bob at 12:00 and by alice (an owner) at 15:00. */
const reviewedTwice = buildReportPullRequest({
  number: 1,
  createdAt: "2026-11-16T10:00:00Z",
  files: [billingFile],
  review: { reviews: [reviewBy("bob", "2026-11-16T12:00:00Z"), reviewBy("alice", "2026-11-16T15:00:00Z")] },
});

describe("measureWeek with review.require_owner", () => {
  it("measures time to first review to the first owner's review when required, to the first review otherwise", () => {
    const facts = buildReportFacts({ pullRequests: [reviewedTwice], codeOwners: CODEOWNERS });
    expect(measureWeek(facts, configSchema.parse({ review: WALL_CLOCK }), []).metrics.ttfr_median_hours).toBe(2);
    expect(measureWeek(facts, configSchema.parse({ review: { ...WALL_CLOCK, require_owner: true } }), []).metrics.ttfr_median_hours).toBe(5);
  });

  it("counts a review on behalf of an owning team", () => {
    const onBehalf = buildReportPullRequest({
      number: 2,
      createdAt: "2026-11-16T10:00:00Z",
      files: [billingFile],
      review: { reviews: [{ ...reviewBy("bob", "2026-11-16T11:00:00Z"), onBehalfOf: ["acme/billing"] }] },
    });
    const facts = buildReportFacts({ pullRequests: [onBehalf], codeOwners: CODEOWNERS });
    expect(measureWeek(facts, configSchema.parse({ review: { ...WALL_CLOCK, require_owner: true } }), []).metrics.ttfr_median_hours).toBe(1);
  });
});

describe("measureWeek: size_pass_pct", () => {
  const merged = (number: number, files: Array<{ filename: string; additions: number }>) =>
    buildReportPullRequest({
      number,
      createdAt: "2026-11-16T10:00:00Z",
      mergedAt: "2026-11-17T10:00:00Z",
      closedAt: "2026-11-17T10:00:00Z",
      state: "closed",
      files: files.map((file) => ({ ...file, status: "modified" as const, deletions: 0 })),
    });

  it("re-evaluates the size rule on merged PRs, leaving out linguist-generated files", () => {
    const pullRequests = [merged(1, [{ filename: "src/a.ts", additions: 100 }]), merged(2, [{ filename: "gen/api.ts", additions: 5000 }, { filename: "src/b.ts", additions: 10 }]), merged(3, [{ filename: "src/c.ts", additions: 900 }])];
    const config = configSchema.parse({});
    expect(measureWeek(buildReportFacts({ pullRequests }), config, [sizeRule]).metrics.size_pass_pct).toBeCloseTo(33.3, 1);
    expect(measureWeek(buildReportFacts({ pullRequests, gitAttributes: "gen/** linguist-generated\n" }), config, [sizeRule]).metrics.size_pass_pct).toBeCloseTo(66.7, 1);
  });
});
