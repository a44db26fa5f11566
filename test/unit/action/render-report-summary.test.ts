import { describe, expect, it } from "vitest";
import { renderReportSummary } from "../../../src/action/render-report-summary.js";

const REPORT = { title: "Team health: week of 2026-11-16", body: "## 🎉 Wins this week\n- 11 pull requests merged.\n<!-- eng-health:report {\"week\":\"2026-W47\"} -->" };

describe("renderReportSummary", () => {
  it("says where the report was published, then shows it without its marker", () => {
    expect(
      renderReportSummary({
        week: "2026-W47",
        status: { kind: "published", action: "created", number: 12, url: "https://github.com/acme/widgets/issues/12", closedPrevious: 9 },
        report: REPORT,
      }),
    ).toBe(
      "> The team-health report for 2026-W47 was created: [#12](https://github.com/acme/widgets/issues/12); the previous report #9 was closed.\n\n" +
        "# Team health: week of 2026-11-16\n\n## 🎉 Wins this week\n- 11 pull requests merged.\n",
    );
  });

  it("links a report already published, and says why one was not", () => {
    expect(renderReportSummary({ week: "2026-W47", status: { kind: "already published", number: 12, url: "https://x/12" }, report: null })).toBe(
      "> The team-health report for 2026-W47 is already published as [#12](https://x/12), so it was left as it is.\n",
    );
    expect(renderReportSummary({ week: "2026-W47", status: { kind: "not published", reason: "the publish input is false, so it is only shown here." }, report: REPORT })).toMatch(
      /^> The team-health report for 2026-W47 was not published: the publish input is false, so it is only shown here\.\n\n# Team health/,
    );
  });
});
