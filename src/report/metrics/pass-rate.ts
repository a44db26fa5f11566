import type { Rule } from "../../rules/rule.js";
import { formatPercent } from "../../text/format-figures.js";
import { percent } from "../stats.js";
import { AGREEMENT_TARGET_PCT, movedVerb } from "./agreement-status.js";
import { percentAgreementWins } from "./percent-agreement-wins.js";
import type { AgreementSpec, WeekMetric } from "./week-metric.js";

/** How the report words one rule's pass rate. */
interface PassRateWording {
  name: string;
  met(figure: string): string;
  question: AgreementSpec["question"];
}

/**
 * Wording for the rules the report has always shown; any other rule marked
 * for the report gets {@link genericWording} from its agreement's name.
 */
const WORDING: Readonly<Record<string, PassRateWording>> = {
  reasoning: {
    name: "Documented reasoning",
    met: (figure) => `${figure} of merged pull requests documented their reasoning.`,
    question: (s) =>
      `Documented reasoning ${movedVerb(s, "dipped to", "rose to", "was at")} ${s.format(s.value)}. ` +
      'What made the "why" hard to write on the pull requests that missed it?',
  },
  tests: {
    name: "Tests with code",
    met: (figure) => `Tests came with code on ${figure} of merged pull requests.`,
    question: (s) =>
      `Tests came with code on ${s.format(s.value)} of merged pull requests. ` +
      "Which changes were hard to test, and what would make them easier?",
  },
  size: {
    name: "Small pull requests",
    met: (figure) => `${figure} of merged pull requests stayed small enough to review in one sitting.`,
    question: (s) =>
      `${s.format(s.value)} of merged pull requests stayed within the team's size limit. ` +
      "What made the larger ones hard to split, and which could have gone in as a refactor first?",
  },
};

function genericWording(rule: Rule): PassRateWording {
  return {
    name: rule.agreement,
    met: (figure) => `${figure} of merged pull requests met "${rule.agreement}".`,
    question: (s) =>
      `"${rule.agreement}" ${movedVerb(s, "dipped to", "rose to", "was at")} ${s.format(s.value)} of merged pull requests. ` +
      "What got in the way on the pull requests that missed it?",
  };
}

/**
 * The metric key of a rule's pass rate: `<id>_pass_pct`, the id in snake case
 * (`reasoning` → `reasoning_pass_pct`, `disabled-tests` → `disabled_tests_pass_pct`).
 */
export function passRateKey(ruleId: string): string {
  return `${ruleId.replaceAll("-", "_")}_pass_pct`;
}

/**
 * The pass-rate metric of a rule the registry marks for the report: of the
 * PRs merged in the window whose result for the rule is not `skip`, the
 * percent that pass, re-evaluated with the check-run rules and the current
 * config (0-100, 1 decimal; null when none was judged or the rule was not
 * measured). The agreement: at least {@link AGREEMENT_TARGET_PCT} percent.
 *
 * @param rule the rule, as registered
 */
export function passRateMetric(rule: Rule): WeekMetric {
  const wording = WORDING[rule.id] ?? genericWording(rule);
  return {
    key: passRateKey(rule.id),
    kind: "percent",
    description: `of the PRs merged in the window that the \`${rule.id}\` rule did not skip, the percent that pass; 1 decimal`,
    measure(week) {
      const tally = week.passRates.get(rule.id);
      return tally === undefined ? null : percent(tally.pass, tally.judged);
    },
    agreement: {
      key: rule.id,
      name: () => wording.name,
      target: () => AGREEMENT_TARGET_PCT,
      targetText: (target) => `≥ ${target} %`,
      betterWhen: "higher",
      format: formatPercent,
      question: wording.question,
      wins: percentAgreementWins(wording.met),
    },
  };
}
