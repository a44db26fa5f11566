import { describe, expect, it } from "vitest";
import { formatOutput } from "../../../src/action/format-output.js";

describe("formatOutput", () => {
  it("writes a one-line value as name=value", () => {
    expect(formatOutput("conclusion", "failure", "EOF_1")).toBe("conclusion=failure\n");
  });

  it("writes a multi-line value between delimiters, and refuses a value containing its delimiter", () => {
    expect(formatOutput("text", "a\nb", "EOF_1")).toBe("text<<EOF_1\na\nb\nEOF_1\n");
    expect(() => formatOutput("text", "a\nEOF_1", "EOF_1")).toThrow("contains its delimiter");
  });
});
