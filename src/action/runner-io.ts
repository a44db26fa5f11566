import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { formatOutput } from "./format-output.js";

/** Where the action writes: its log, the job summary, its outputs. */
export interface ActionIo {
  /**
   * One line to the step's log (stdout). Line breaks inside are folded to
   * spaces, so every line the action prints starts with its own text and
   * nothing from a pull request can start a workflow command.
   */
  log(line: string): void;
  /** Markdown appended to the job summary (`GITHUB_STEP_SUMMARY`). */
  summary(markdown: string): void;
  /** A step output (`GITHUB_OUTPUT`), e.g. `conclusion`. */
  output(name: string, value: string): void;
}

/**
 * The runner's I/O: stdout, and the files the runner names in
 * `GITHUB_STEP_SUMMARY` and `GITHUB_OUTPUT` (appended to, as the runner
 * expects). Outside a runner, where those are unset, the summary is left out
 * and outputs are noted in the log.
 *
 * @param env the process environment (`GITHUB_STEP_SUMMARY`, `GITHUB_OUTPUT`)
 * @param write where log lines go (stdout by default)
 * @throws from `summary` and `output`: the file system's error when a file cannot be appended to
 */
export function createRunnerIo(
  env: Readonly<Record<string, string | undefined>>,
  write: (text: string) => void = (text) => process.stdout.write(text),
): ActionIo {
  const summaryPath = env.GITHUB_STEP_SUMMARY || null;
  const outputPath = env.GITHUB_OUTPUT || null;
  const log = (line: string): void => write(`${line.replace(/[\r\n]+/g, " ")}\n`);
  return {
    log,
    summary: (markdown) => {
      if (summaryPath === null) log("eng-health: GITHUB_STEP_SUMMARY is not set, so no job summary is written");
      else appendFileSync(summaryPath, markdown.endsWith("\n") ? markdown : `${markdown}\n`, "utf8");
    },
    output: (name, value) => {
      if (outputPath === null) log(`eng-health: output ${name}=${value} (GITHUB_OUTPUT is not set)`);
      else appendFileSync(outputPath, formatOutput(name, value, `ghadelimiter_${randomUUID()}`), "utf8");
    },
  };
}
