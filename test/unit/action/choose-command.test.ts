import { describe, expect, it } from "vitest";
import { ActionInputError } from "../../../src/action/action-input-error.js";
import { chooseCommand } from "../../../src/action/choose-command.js";

describe("chooseCommand with command: auto", () => {
  it.each([
    ["pull_request", "opened", "check"],
    ["pull_request", "synchronize", "check"],
    ["pull_request", "reopened", "check"],
    ["pull_request", "edited", "check"],
    ["pull_request", "ready_for_review", "check"],
    ["pull_request", "labeled", "check"],
    ["pull_request", "unlabeled", "check"],
    ["pull_request", "converted_to_draft", "check"],
    ["pull_request_target", "opened", "check"],
    ["pull_request_target", "synchronize", "check"],
    ["pull_request_review", "submitted", "check"],
    ["pull_request_review", "dismissed", "check"],
    ["schedule", undefined, "report"],
    ["workflow_dispatch", undefined, "report"],
    ["issues", "opened", "flaky-checklist"],
    ["issues", "labeled", "flaky-checklist"],
  ])("%s.%s runs %s", (eventName, action, command) => {
    expect(chooseCommand({ requested: "auto", eventName, action })).toEqual({ command });
  });

  it.each([
    ["pull_request", "closed", "eng-health has nothing to do on pull_request.closed."],
    ["pull_request_review", "edited", "eng-health has nothing to do on pull_request_review.edited."],
    ["issues", "closed", "eng-health has nothing to do on issues.closed."],
    [
      "push",
      undefined,
      "eng-health has nothing to do on push: it runs on pull_request, pull_request_target, pull_request_review, schedule, workflow_dispatch and issues.",
    ],
  ])("%s.%s runs nothing, with a notice", (eventName, action, notice) => {
    expect(chooseCommand({ requested: "auto", eventName, action })).toEqual({ command: null, notice });
  });
});

describe("chooseCommand with an explicit command", () => {
  it("runs the report on any event", () => {
    expect(chooseCommand({ requested: "report", eventName: "push", action: undefined })).toEqual({ command: "report" });
    expect(chooseCommand({ requested: "report", eventName: "pull_request", action: "closed" })).toEqual({ command: "report" });
  });

  it("runs the check on a pull request event whatever the action, and refuses it elsewhere", () => {
    expect(chooseCommand({ requested: "check", eventName: "pull_request", action: "closed" })).toEqual({ command: "check" });
    expect(() => chooseCommand({ requested: "check", eventName: "schedule", action: undefined })).toThrow(ActionInputError);
    expect(() => chooseCommand({ requested: "check", eventName: "schedule", action: undefined })).toThrow(
      "command: check needs a pull request event (pull_request, pull_request_target, pull_request_review); this run is for schedule",
    );
  });

  it("runs the flaky checklist on issues only", () => {
    expect(chooseCommand({ requested: "flaky-checklist", eventName: "issues", action: "edited" })).toEqual({ command: "flaky-checklist" });
    expect(() => chooseCommand({ requested: "flaky-checklist", eventName: "push", action: undefined })).toThrow("needs the issues event");
  });
});
