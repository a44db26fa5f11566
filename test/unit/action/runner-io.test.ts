import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRunnerIo } from "../../../src/action/runner-io.js";

let dir = "";
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("createRunnerIo", () => {
  it("appends to the job summary and the outputs file, and folds line breaks in log lines", () => {
    dir = mkdtempSync(join(tmpdir(), "runner-io-"));
    const summary = join(dir, "summary.md");
    const output = join(dir, "output.txt");
    writeFileSync(summary, "earlier step\n");
    writeFileSync(output, "");
    const written: string[] = [];
    const io = createRunnerIo({ GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output }, (text) => written.push(text));
    io.summary("## Engineering practices");
    io.output("conclusion", "neutral");
    io.output("text", "two\nlines");
    io.log("eng-health: title\n::add-mask::x");
    expect(readFileSync(summary, "utf8")).toBe("earlier step\n## Engineering practices\n");
    expect(readFileSync(output, "utf8")).toMatch(/^conclusion=neutral\ntext<<(ghadelimiter_[0-9a-f-]{36})\ntwo\nlines\n\1\n$/);
    expect(written).toEqual(["eng-health: title ::add-mask::x\n"]);
  });

  it("outside a runner, says so instead of writing files", () => {
    const written: string[] = [];
    const io = createRunnerIo({}, (text) => written.push(text));
    io.summary("# x");
    io.output("conclusion", "success");
    expect(written).toEqual([
      "eng-health: GITHUB_STEP_SUMMARY is not set, so no job summary is written\n",
      "eng-health: output conclusion=success (GITHUB_OUTPUT is not set)\n",
    ]);
  });
});
