import { describe, expect, it } from "vitest";
import { runDemo } from "../../demo/run-demo.js";
import { lastCompleteIsoWeek } from "../../src/time/iso-week.js";

describe("npm run demo (in-process: the real server, the stand-in, signed deliveries, the CLI report)", () => {
  it("prints each check run with its event and deciding rule under the demo config, then the weekly report with its chart and marker", { timeout: 90_000 }, async () => {
    const now = new Date();
    const out: string[] = [];
    const err: string[] = [];

    const code = await runDemo({ stdout: (text) => out.push(text), stderr: (text) => err.push(text) }, { now });

    const printed = out.join("");
    expect(err.filter((line) => !line.startsWith("eng-health demo: report: collecting "))).toEqual([]);
    expect(code).toBe(0);
    const headers = [...printed.matchAll(/^━━━ (\d) of 5 · (pull_request\.\w+) · demo\/widgets#(\d+) /gm)].map((match) => `${match[2]} #${match[3]}`);
    expect(headers).toEqual(["pull_request.opened #84", "pull_request.opened #85", "pull_request.opened #86", "pull_request.opened #87", "pull_request.edited #84"]);
    const conclusions = [...printed.matchAll(/^ {2}conclusion: (\w+) {3}← (.*)$/gm)].map((match) => [match[1], match[2]]);
    expect(conclusions).toEqual([
      ["failure", "decided by rule `reasoning` (Documented reasoning, level failure)"],
      ["success", "no rule at warning or failure level failed"],
      ["failure", "decided by rule `reasoning` (Documented reasoning, level failure)"],
      ["neutral", "decided by rule `disabled-tests` (Disabled tests are tracked, level warning)"],
      ["success", "no rule at warning or failure level failed"],
    ]);
    // The table, and the annotations the Checks tab shows on the files.
    expect(printed).toContain("| ❌ | Documented reasoning | The description is empty. |");
    expect(printed).toContain("  failure db/migrations/20261116_add_invoice_currency.sql:1  One-way door without an ADR: ");
    expect(printed).toContain("  warning test/billing/pdf.test.ts:42  Disabled test without a flaky-test issue: ");
    // The edit updated the first run instead of adding a fifth.
    expect(printed).toContain("━━━ 5 deliveries, 4 check runs");
    expect(printed).toContain("(written 2 times, check run id 1)");
    // The weekly report for the last complete week: its Mermaid chart and its hidden marker.
    const week = lastCompleteIsoWeek(now.toISOString(), "UTC");
    expect(printed).toContain("```mermaid\nxychart-beta");
    expect(printed).toMatch(new RegExp(`<!-- eng-health:report \\{"week":"${week}","metrics":\\{"prs_opened":\\d+,`));
  });
});
