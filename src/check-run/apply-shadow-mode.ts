import type { CheckRunOutput, Conclusion } from "../model/check-run.js";
import { MAX_TITLE_CHARS } from "../model/github-limits.js";
import type { RuleResult } from "../model/rule-result.js";
import { joinWords } from "../text/join-words.js";
import { truncateUtf8 } from "../text/truncate-utf8.js";

/** How the config asks eng-health to conclude (`mode`, README "Configuration"). */
export type Mode = "enforce" | "shadow";

/**
 * The conclusion a mode lets a run publish: in shadow mode never worse than
 * `neutral` (`failure` and `action_required` become `neutral`); in enforce
 * mode the conclusion itself. Pure.
 */
export function conclusionInMode(mode: Mode, conclusion: Conclusion): Conclusion {
  return mode === "shadow" && conclusion !== "success" ? "neutral" : conclusion;
}

/**
 * Shadow mode (`mode: shadow`): watch the agreements before enforcing them.
 * Every finding stays visible; the conclusion is never worse than `neutral`
 * (`failure` and `action_required` become `neutral`); the title starts with
 * what would fail in enforce mode, e.g.
 * `Shadow mode: Documented reasoning would fail · 2 of 4 agreements met`, or
 * `Shadow mode · All 5 agreements met` when nothing would; and the summary
 * opens with one line saying so. Pure; `enforce` returns the input unchanged.
 *
 * @param input the enforce-mode conclusion and output, the rule results, and
 *   whether the PR's own config file would fail the run
 * @returns the conclusion and output to publish
 */
export function applyShadowMode(input: {
  mode: Mode;
  conclusion: Conclusion;
  output: CheckRunOutput;
  results: readonly RuleResult[];
  proposedConfigFails: boolean;
}): { conclusion: Conclusion; output: CheckRunOutput } {
  if (input.mode !== "shadow") return { conclusion: input.conclusion, output: input.output };
  const failing = input.results.filter((result) => result.status === "fail" && result.level === "failure").map((result) => result.agreement);
  if (input.proposedConfigFails) failing.push("this PR's config");
  const wouldFail = input.conclusion === "failure" && failing.length > 0;
  const head = wouldFail ? `Shadow mode: ${joinWords(failing)} would fail` : "Shadow mode";
  const note = wouldFail
    ? `> **Shadow mode** (\`mode: shadow\`): nothing here blocks the PR. Once the team enforces these agreements, this run would conclude **${input.conclusion}**.`
    : "> **Shadow mode** (`mode: shadow`): findings are shown, and nothing here blocks the PR.";
  return {
    conclusion: conclusionInMode("shadow", input.conclusion),
    output: {
      ...input.output,
      title: truncateUtf8(`${head} · ${input.output.title}`, MAX_TITLE_CHARS),
      summary: `${note}\n\n${input.output.summary}`,
    },
  };
}
