import { readFileSync } from "node:fs";

/**
 * The version in eng-health's `package.json`, for `eng-health --version`. The
 * file is two folders up from this module both in `src/cli/` (tests) and in
 * `lib/cli/` (the installed command).
 *
 * @returns e.g. `0.1.0`
 * @throws when `package.json` cannot be read or has no version (a broken install)
 */
export function readVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  const version = (JSON.parse(text) as { version?: unknown }).version;
  if (typeof version !== "string") throw new Error("eng-health: package.json has no version");
  return version;
}
