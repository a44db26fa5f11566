import type { Config } from "../config/schema.js";
import { isBot } from "../model/is-bot.js";
import type { PullRequestFacts } from "../model/pull-request-facts.js";

/** Whether a PR event needs review facts, and whether they must be read from GitHub. */
export interface ReviewFactsWanted {
  /** The `review` rule will judge this PR: it is on, and the PR is open, ready and not by a bot. */
  matters: boolean;
  /** The review timeline must be read: it matters and the event is not `opened` (a PR just opened has no review yet). */
  read: boolean;
}

/**
 * Decide, before gathering, whether a PR's review story is worth a GraphQL
 * selection (pure). A PR just opened gets its review facts from the payload
 * (`reviewFactsOnOpen`): no review or draft transition can exist yet.
 *
 * @param facts the PR-level facts from the payload (author, draft, state)
 * @param review the `review` config section (`level` is read)
 * @param action the webhook action, when there is one (`opened` reads nothing)
 */
export function reviewFactsWanted(
  facts: Pick<PullRequestFacts, "author" | "draft" | "state">,
  review: Pick<Config["review"], "level">,
  action: string | undefined,
): ReviewFactsWanted {
  const matters = review.level !== "off" && !facts.draft && !isBot(facts.author) && facts.state === "open";
  return { matters, read: matters && action !== "opened" };
}
