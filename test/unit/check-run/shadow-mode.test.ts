import { describe, expect, it } from "vitest";
import { evaluatePullRequest } from "../../../src/check-run/evaluate-pull-request.js";
import { parseResultsMarker } from "../../../src/check-run/results-marker.js";
import { refreshCheckRun } from "../../../src/check-run/refresh-check-run.js";
import { configSchema } from "../../../src/config/schema.js";
import { PULL_REQUEST_RULES } from "../../../src/rules/registry.js";
import { buildFacts } from "../../helpers/build-facts.js";

const LINKS = { configUrl: "https://github.com/acme/widgets/blob/HEAD/.github/eng-health.yml", referenceUrl: "https://example.test/ref" };
const emptyDescription = buildFacts({ body: "" });
const evaluate = (mode: "enforce" | "shadow", facts = emptyDescription) =>
  evaluatePullRequest({
    rules: PULL_REQUEST_RULES,
    facts,
    config: configSchema.parse({ mode, reasoning: { level: "failure" } }),
    configErrors: [],
    ...LINKS,
  });

describe("mode: shadow", () => {
  it("shows the failing finding but concludes neutral, titled with what would fail", () => {
    const enforced = evaluate("enforce");
    const shadow = evaluate("shadow");
    expect(enforced.conclusion).toBe("failure");
    expect(shadow.conclusion).toBe("neutral");
    expect(shadow.output.title).toBe(`Shadow mode: Documented reasoning would fail · ${enforced.output.title}`);
    expect(shadow.output.summary.startsWith("> **Shadow mode** (`mode: shadow`): nothing here blocks the PR. Once the team enforces these agreements, this run would conclude **failure**.")).toBe(true);
    // Every finding is still there, as in enforce mode.
    expect(shadow.output.summary).toContain(enforced.output.summary.split("\n\n<!-- eng-health:results")[0]);
    expect(shadow.output.annotations).toEqual(enforced.output.annotations);
    expect(parseResultsMarker(shadow.output.summary)?.conclusion).toBe("neutral");
  });

  it("says nothing would fail when nothing would", () => {
    const good = buildFacts({ body: "Why: invoices rounded half-down for customers in three regions, so this switches every invoice total to bankers' rounding, which is what finance asked for after the audit last month." });
    const shadow = evaluate("shadow", good);
    expect(shadow.conclusion).toBe("success");
    expect(shadow.output.title).toMatch(/^Shadow mode · /);
  });

  it("is kept by the review sweep's refresh", () => {
    const shadow = evaluate("shadow");
    const stored = parseResultsMarker(shadow.output.summary);
    if (stored === null) throw new Error("no marker");
    const review = stored.results.find((result) => result.id === "review");
    const refreshed = refreshCheckRun({
      stored,
      fresh: { ...(review ?? stored.results[0]!), id: "review", status: review?.status === "fail" ? "pass" : "fail", level: "failure", findings: [] },
      configErrors: [],
      mode: "shadow",
      ...LINKS,
    });
    expect(refreshed?.conclusion).toBe("neutral");
    expect(refreshed?.output.title).toMatch(/^Shadow mode: .* would fail · /);
  });
});
