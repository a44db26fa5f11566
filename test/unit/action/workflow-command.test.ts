import { describe, expect, it } from "vitest";
import { escapeCommandData, escapeCommandProperty, workflowCommand } from "../../../src/action/workflow-command.js";

describe("workflowCommand", () => {
  it.each([
    ["warning", { file: "src/a.ts", line: 3, endLine: 5, title: "Tests accompany code" }, "Changed without a test.", "::warning file=src/a.ts,line=3,endLine=5,title=Tests accompany code::Changed without a test."],
    ["error", { file: "src/a.ts", line: 1, title: undefined }, "Broken.", "::error file=src/a.ts,line=1::Broken."],
    ["notice", {}, "eng-health has nothing to do on push.", "::notice::eng-health has nothing to do on push."],
    ["debug", {}, "100% done", "::debug::100%25 done"],
  ] as const)("%s %j %j", (name, properties, message, expected) => {
    expect(workflowCommand(name, properties, message)).toBe(expected);
  });

  it("escapes property values so a path with a comma or colon cannot add a property", () => {
    expect(workflowCommand("error", { file: "docs/a,b:c.md", title: "x, y: z" }, "m")).toBe("::error file=docs/a%2Cb%3Ac.md,title=x%2C y%3A z::m");
  });

  it("keeps a message from a pull request on one line, so it cannot start a command of its own", () => {
    const line = workflowCommand("warning", {}, "title\n::add-mask::secret\r\n::stop-commands::x");
    expect(line.split(/\r|\n/)).toHaveLength(1);
    expect(line).toBe("::warning::title%0A::add-mask::secret%0D%0A::stop-commands::x");
  });

  it("escapes % first, so an escape sequence in the text reads back as written", () => {
    expect(escapeCommandData("%0A")).toBe("%250A");
    expect(escapeCommandProperty("50%,1:2")).toBe("50%25%2C1%3A2");
  });
});
