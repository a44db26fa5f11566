import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { chooseCommand } from "../../../src/action/choose-command.js";

/** The README's section on the Action, up to the next `## ` heading. */
const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
const start = readme.indexOf("\n## Run as a GitHub Action\n");
const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
const action = parseYaml(readFileSync(new URL("../../../action.yml", import.meta.url), "utf8")) as { inputs: Record<string, unknown> };

interface Workflow {
  on: Record<string, { types?: string[] } | Array<{ cron: string }> | null>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Array<{ uses?: string; run?: string; with?: Record<string, string> }> }>;
}

/** The complete workflows: the fenced YAML blocks that use the action. */
const workflows = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((match) => match[1] ?? "")
  .filter((text) => text.includes("uses: eng-health/eng-health@"))
  .map((text) => parseYaml(text) as Workflow);

const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('README "Run as a GitHub Action"', () => {
  it("sits after the app's Install section and has two complete workflows", () => {
    const install = readme.indexOf("\n## Install\n");
    expect(install).toBeGreaterThan(0);
    expect(start).toBeGreaterThan(install);
    expect(workflows).toHaveLength(2);
  });

  it("checks pull requests with checks: write and read-only access to the rest, on events the action checks", () => {
    const [check] = workflows as [Workflow];
    expect(Object.keys(check.on)).toEqual(["pull_request", "pull_request_review"]);
    expect(check.permissions).toEqual({ checks: "write", "pull-requests": "read", contents: "read", issues: "read" });
    for (const [eventName, trigger] of Object.entries(check.on)) {
      const types = (trigger as { types: string[] }).types;
      expect(types.length).toBeGreaterThan(0);
      for (const type of types) expect(chooseCommand({ requested: "auto", eventName, action: type })).toEqual({ command: "check" });
    }
    expect(steps(check)).toEqual([{ uses: "eng-health/eng-health@v1" }]);
  });

  it("publishes the weekly report on a cron and posts the flaky checklist, with issues: write", () => {
    const [, weekly] = workflows as [Workflow, Workflow];
    expect(Object.keys(weekly.on)).toEqual(["schedule", "workflow_dispatch", "issues"]);
    const [schedule] = weekly.on.schedule as Array<{ cron: string }>;
    expect(schedule?.cron.split(" ")).toHaveLength(5);
    expect(chooseCommand({ requested: "auto", eventName: "schedule", action: undefined })).toEqual({ command: "report" });
    for (const type of (weekly.on.issues as { types: string[] }).types) {
      expect(chooseCommand({ requested: "auto", eventName: "issues", action: type })).toEqual({ command: "flaky-checklist" });
    }
    expect(weekly.permissions).toEqual({ issues: "write", "pull-requests": "read", contents: "read" });
    expect(steps(weekly)).toEqual([{ uses: "eng-health/eng-health@v1", with: { week: "${{ inputs.week }}" } }]);
  });

  it("passes only inputs that action.yml declares, and checks out no code", () => {
    for (const step of workflows.flatMap(steps)) {
      for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
      expect(step.uses ?? "").not.toMatch(/actions\/checkout/);
      expect(step.run).toBeUndefined();
    }
  });
});
