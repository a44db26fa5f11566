import type { Actor } from "./pull-request-facts.js";

/**
 * True for bot accounts: GitHub's account type `Bot`, or a login ending in
 * `[bot]` (how GitHub Apps appear, e.g. `dependabot[bot]`).
 */
export function isBot(actor: Actor): boolean {
  return actor.type === "Bot" || actor.login.endsWith("[bot]");
}
