import type { ConfigError } from "./config-result.js";

/**
 * The config errors that stop a weekly report from being published: errors in
 * the `report` or `rollup` section, and any file ignored as a whole (`keyPath` `""`), since
 * either may hide `enabled: false`, other labels, another time zone or the
 * repositories of a rollup, and a
 * typo must not publish against the team's wishes. Errors in other sections
 * only change the figures' rules and do not stop it. Pure.
 *
 * @param errors the loaded config's errors (`ConfigResult.errors`)
 * @returns those that block publishing, in their order; empty when none do
 */
export function reportConfigErrors(errors: readonly ConfigError[]): ConfigError[] {
  return errors.filter((error) => error.section === "report" || error.section === "rollup" || error.keyPath === "");
}
