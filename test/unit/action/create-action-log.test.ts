import { describe, expect, it } from "vitest";
import { createActionLog } from "../../../src/action/create-action-log.js";

describe("createActionLog", () => {
  it("prints info as a line, warn and error as annotations, debug as a debug line, with plain fields and the error's first line", () => {
    const lines: string[] = [];
    const log = createActionLog({ log: (line) => lines.push(line) });
    log.info({ pull: 2, conclusion: "neutral", nested: { no: 1 } }, "eng-health: check run written");
    log.warn({ owner: "acme" }, "eng-health: careful");
    log.error({ err: new Error("HTTP 500\nstack"), pull: 2 }, "eng-health: could not evaluate");
    log.debug({}, "50% there");
    expect(lines).toEqual([
      "eng-health: check run written (pull=2, conclusion=neutral)",
      "::warning::eng-health: careful (owner=acme)",
      "::error::eng-health: could not evaluate (pull=2): HTTP 500",
      "::debug::50%25 there",
    ]);
  });
});
