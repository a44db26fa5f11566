import { describe, expect, it } from "vitest";
import { wantsFlakyChecklist } from "../../../src/flaky/wants-flaky-checklist.js";

const flaky = { label: "flaky-test", comment_on_label: true };
const event = { action: "labeled", label: "flaky-test", labels: ["flaky-test"], state: "open", isPullRequest: false };

describe("wantsFlakyChecklist", () => {
  it.each([
    ["labeled with the flaky label", event, flaky, true],
    ["labeled with another label", { ...event, label: "bug" }, flaky, false],
    ["opened with the label", { ...event, action: "opened", label: undefined }, flaky, true],
    ["opened without it", { ...event, action: "opened", label: undefined, labels: ["bug"] }, flaky, false],
    ["a renamed label in the config", { ...event, label: "flaky" }, { ...flaky, label: "flaky" }, true],
    ["comment_on_label off", event, { ...flaky, comment_on_label: false }, false],
    ["a closed issue", { ...event, state: "closed" }, flaky, false],
    ["a pull request", { ...event, isPullRequest: true }, flaky, false],
    ["unlabeled", { ...event, action: "unlabeled" }, flaky, false],
  ])("%s → %s", (_name, input, config, expected) => {
    expect(wantsFlakyChecklist(input, config)).toBe(expected);
  });
});
