import type { Settings } from "./settings.js";

/**
 * Refuse to start in production without a webhook secret: Probot silently
 * falls back to `"development"` when `WEBHOOK_SECRET` is empty, which would let
 * anyone who knows that forge deliveries (probot `lib/server/server.js`).
 *
 * @throws Error with the fix when `NODE_ENV=production` and `WEBHOOK_SECRET` is unset or empty
 */
export function assertWebhookSecret(settings: Pick<Settings, "production" | "webhookSecret">): void {
  if (settings.production && settings.webhookSecret === undefined) {
    throw new Error(
      "eng-health: WEBHOOK_SECRET is not set. In production every delivery must be verified with the secret " +
        "configured in the GitHub App's settings; set WEBHOOK_SECRET to that value and start again.",
    );
  }
}
