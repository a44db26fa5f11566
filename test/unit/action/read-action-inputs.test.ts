import { describe, expect, it } from "vitest";
import { actionInput, readActionInputs } from "../../../src/action/read-action-inputs.js";

const TOKEN = { "INPUT_GITHUB-TOKEN": " ghs_abc " };

describe("readActionInputs", () => {
  it("reads github-token from INPUT_GITHUB-TOKEN (the hyphen stays) and applies the defaults", () => {
    expect(readActionInputs(TOKEN)).toEqual({ token: "ghs_abc", command: "auto", week: null, publish: true });
  });

  it("reads every input as the runner passes them, empty ones as their defaults", () => {
    expect(readActionInputs({ ...TOKEN, INPUT_COMMAND: "report", INPUT_WEEK: "2026-W47", INPUT_PUBLISH: "False" })).toEqual({
      token: "ghs_abc",
      command: "report",
      week: "2026-W47",
      publish: false,
    });
    expect(readActionInputs({ ...TOKEN, INPUT_COMMAND: "", INPUT_WEEK: " ", INPUT_PUBLISH: "" })).toEqual({ token: "ghs_abc", command: "auto", week: null, publish: true });
  });

  it.each([
    [{}, "the github-token input is empty: leave it out to use the workflow's GITHUB_TOKEN, or pass a token that can read the repository"],
    [{ ...TOKEN, INPUT_COMMAND: "deploy" }, 'the command input is "deploy"; it takes auto, check, report, flaky-checklist'],
    [{ ...TOKEN, INPUT_WEEK: "2026-47" }, 'the week input: "2026-47" is not an ISO week: expected the form YYYY-Www, e.g. 2026-W47'],
    [{ ...TOKEN, INPUT_WEEK: "2026-W54" }, 'the week input: "2026-W54" is not an ISO week: 2026 has weeks W01 to W53 (expected the form YYYY-Www)'],
    [{ ...TOKEN, INPUT_PUBLISH: "yes" }, 'the publish input is "yes"; it takes true or false'],
  ])("%j is refused with a one-line reason", (env, message) => {
    expect(() => readActionInputs(env)).toThrow(message);
  });
});

describe("actionInput", () => {
  it("upper-cases the name and turns spaces into underscores", () => {
    expect(actionInput({ "INPUT_MY_INPUT": "x", "INPUT_GITHUB-TOKEN": "t" }, "my input")).toBe("x");
    expect(actionInput({ "INPUT_GITHUB-TOKEN": "t" }, "github-token")).toBe("t");
    expect(actionInput({}, "week")).toBe("");
  });
});
