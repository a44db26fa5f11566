import { escapeInlineText } from "../report/escape-inline-text.js";
import { countOf } from "../text/count-of.js";
import { joinWords } from "../text/join-words.js";
import { truncateUtf8, utf8Bytes } from "../text/truncate-utf8.js";
import type { Backtest, BacktestColumn, BacktestExample, ConclusionTally } from "./evaluate-backtest.js";

/** Example PRs listed per rule and direction (README: "up to 5 example PRs"). */
export const BACKTEST_EXAMPLES = 5;

/** How {@link renderBacktest} names the proposed config. */
export interface ProposedName {
  /** The column header, e.g. `Proposed config` or `This PR's config`. */
  column: string;
  /** In a sentence, after "with", e.g. `the proposed config` or `this PR's config`. */
  phrase: string;
}

/** Options of {@link renderBacktest}. */
export interface RenderBacktestOptions {
  /** How the proposed config is named (default: "Proposed config" / "the proposed config"). */
  proposedName?: ProposedName;
  /** Example PRs per rule and direction (default {@link BACKTEST_EXAMPLES}). */
  examples?: number;
  /**
   * Most UTF-8 bytes the markdown may take (default: no limit). When the
   * full text does not fit, fewer examples are listed (3, then 1, then none,
   * with a line saying so), and only then is the text cut.
   */
  maxBytes?: number;
}

const DEFAULT_NAME: ProposedName = { column: "Proposed config", phrase: "the proposed config" };
const CONCLUSION_ROW = "Check run conclusion";
const SHORTENED = "_Fewer examples are listed here to stay within GitHub's size limit._";

/**
 * A backtest as markdown (README, "Command line" and "What this change would
 * have done"): with a proposed config, one sentence on what changes, a table
 * per rule of pass · fail · skip under both configs (with each rule's level)
 * and how many PRs newly fail or no longer fail, a row of check-run
 * conclusions, then up to `examples` linked PRs per rule and direction
 * (newest merge first), and a line on what was left out. Without one, the
 * table of the current config alone. Titles are escaped (`escapeInlineText`:
 * one line, no HTML, no @-mentions). Pure.
 *
 * @returns markdown without a heading (the caller names the period)
 */
export function renderBacktest(backtest: Backtest, options: RenderBacktestOptions = {}): string {
  const name = options.proposedName ?? DEFAULT_NAME;
  const wanted = options.examples ?? BACKTEST_EXAMPLES;
  const budget = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const tries = [...new Set([wanted, 3, 1, 0].filter((count) => count <= wanted))];
  let text = "";
  for (const examples of tries) {
    text = renderWith(backtest, name, examples, examples < wanted);
    if (utf8Bytes(text) <= budget) return text;
  }
  return truncateUtf8(text, budget);
}

/**
 * One sentence on what the proposed config changes, e.g. "With the proposed
 * config, 8 pull requests would newly fail an agreement and 2 would no longer
 * fail one; 3 check runs would newly conclude `failure`." Pure.
 *
 * @param phrase how the proposed config is named after "With"
 * @returns the sentence, or `null` without a proposed config or without PRs
 */
export function summarizeBacktest(backtest: Backtest, phrase: string = DEFAULT_NAME.phrase): string | null {
  if (backtest.conclusions.proposed === null || backtest.pullRequests === 0) return null;
  const agreements = pair(
    distinct(backtest.rules.flatMap((rule) => rule.newlyFailing)),
    distinct(backtest.rules.flatMap((rule) => rule.newlyPassing)),
    ["pull request", "would newly fail an agreement", "would no longer fail one"],
  );
  const runs = pair(backtest.conclusions.newlyFailing.length, backtest.conclusions.newlyPassing.length, [
    "check run",
    "would newly conclude `failure`",
    "would no longer conclude `failure`",
  ]);
  if (agreements === null && runs === null) return `With ${phrase}, every pull request would have been judged as it was with the current one.`;
  if (runs === null) return `With ${phrase}, ${agreements}; no check run would change to or from \`failure\`.`;
  if (agreements === null) return `With ${phrase}, each agreement would pass and fail the same pull requests as before, but ${runs}.`;
  return `With ${phrase}, ${agreements}; ${runs}.`;
}

/** "8 pull requests would newly fail an agreement and 2 would no longer fail one", or null when both are 0. */
function pair(more: number, fewer: number, [noun, worse, better]: [string, string, string]): string | null {
  const parts: string[] = [];
  if (more > 0) parts.push(`${countOf(more, noun)} ${worse}`);
  if (fewer > 0) parts.push(`${more > 0 ? fewer : countOf(fewer, noun)} ${better}`);
  return parts.length === 0 ? null : joinWords(parts);
}

function renderWith(backtest: Backtest, name: ProposedName, examples: number, shortened: boolean): string {
  const proposed = backtest.conclusions.proposed !== null;
  const blocks = [
    summarizeBacktest(backtest, name.phrase) ?? "",
    proposed ? comparisonTable(backtest, name) : currentTable(backtest),
    proposed ? exampleLists(backtest, examples) : "",
    proposed && shortened ? SHORTENED : "",
    leftOutLine(backtest),
  ];
  return blocks.filter((block) => block !== "").join("\n\n");
}

function comparisonTable(backtest: Backtest, name: ProposedName): string {
  const rows = backtest.rules.map(
    (rule) =>
      `| ${rule.agreement} | ${column(rule.current)} | ${rule.proposed === null ? "" : column(rule.proposed)} | ${rule.newlyFailing.length} | ${rule.newlyPassing.length} |`,
  );
  const { conclusions } = backtest;
  const conclusionRow = `| ${CONCLUSION_ROW}: success · neutral · failure | ${conclusionCells(conclusions.current)} | ${
    conclusions.proposed === null ? "" : conclusionCells(conclusions.proposed)
  } | ${conclusions.newlyFailing.length} | ${conclusions.newlyPassing.length} |`;
  return [
    `| Agreement | Current config: pass · fail · skip | ${name.column}: pass · fail · skip | Newly failing | No longer failing |`,
    "|---|---|---|---:|---:|",
    ...rows,
    conclusionRow,
  ].join("\n");
}

function currentTable(backtest: Backtest): string {
  const rows = backtest.rules.map((rule) => `| ${rule.agreement} | \`${rule.current.level}\` | ${rule.current.pass} | ${rule.current.fail} | ${rule.current.skip} |`);
  const { current } = backtest.conclusions;
  return [
    "| Agreement | Level | Pass | Fail | Skip |",
    "|---|---|---:|---:|---:|",
    ...rows,
    "",
    `${CONCLUSION_ROW}s: ${current.success} success, ${current.neutral} neutral, ${current.failure} failure.`,
  ].join("\n");
}

function column(tally: BacktestColumn): string {
  return `${tally.pass} · ${tally.fail} · ${tally.skip} (\`${tally.level}\`)`;
}

function conclusionCells(tally: ConclusionTally): string {
  return `${tally.success} · ${tally.neutral} · ${tally.failure}`;
}

function exampleLists(backtest: Backtest, examples: number): string {
  const lists = backtest.rules.flatMap((rule) => [
    exampleList(`**${rule.agreement}** would newly fail on`, rule.newlyFailing, examples),
    exampleList(`**${rule.agreement}** would no longer fail on`, rule.newlyPassing, examples),
  ]);
  lists.push(
    exampleList(`The check run would newly conclude \`failure\` on`, backtest.conclusions.newlyFailing, examples),
    exampleList(`The check run would no longer conclude \`failure\` on`, backtest.conclusions.newlyPassing, examples),
  );
  return lists.filter((list) => list !== "").join("\n\n");
}

/** `<lead> 8 pull requests, for example:` and up to `cap` linked PRs; "" when there are none. */
function exampleList(lead: string, prs: readonly BacktestExample[], cap: number): string {
  if (prs.length === 0) return "";
  const sentence = `${lead} ${countOf(prs.length, "pull request")}`;
  if (cap === 0) return `${sentence}.`;
  const shown = prs.slice(0, cap).map((pr) => `- [#${pr.number}](${pr.htmlUrl}) ${escapeInlineText(pr.title)}`);
  const more = prs.length - shown.length;
  return [`${sentence}${more > 0 ? ", for example" : ""}:`, ...shown, ...(more > 0 ? [`- …and ${more} more`] : [])].join("\n");
}

function leftOutLine(backtest: Backtest): string {
  const parts: string[] = [];
  if (backtest.leftOut > 0) {
    parts.push(`${countOf(backtest.leftOut, "more pull request")} by bots or by \`review.ignore_authors\` ${backtest.leftOut === 1 ? "was" : "were"} left out, as in the weekly report`);
  }
  if (backtest.notBacktested.length > 0) {
    const rules = backtest.notBacktested.map((rule) => `${rule.agreement} (${rule.reason})`);
    parts.push(`not backtested: ${joinWords(rules)}`);
  }
  const judged = "Each pull request is judged as of its merge (the review wait as it ended there), with its description, labels and files as they are now";
  return `<sub>${[judged, ...parts].join("; ")}.</sub>`;
}

/** How many different PRs a list names (a PR can change under several rules). */
function distinct(prs: readonly BacktestExample[]): number {
  return new Set(prs.map((pr) => pr.number)).size;
}
