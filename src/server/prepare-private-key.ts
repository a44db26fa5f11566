import { createPrivateKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

/** What {@link preparePrivateKey} found. */
export type PrivateKeyCheck =
  | { ok: true; source: "PRIVATE_KEY" | "PRIVATE_KEY_PATH" | "none"; env: NodeJS.ProcessEnv }
  | { ok: false; message: string };

/**
 * Check the GitHub App's private key before the server starts, so a broken
 * key is one clear line at start-up instead of a failed JWT at the first
 * webhook.
 *
 * - `PRIVATE_KEY` as Probot's setup writes it into `.env`
 *   (`PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\n…"`) works when read by
 *   dotenv, but `docker run --env-file` keeps the quotes: surrounding `"` or
 *   `'` are removed, and `\n` escapes become newlines (base64 keys are
 *   decoded), as `@probot/get-private-key` does.
 * - `PRIVATE_KEY_PATH` (a mounted secret) must name a readable PEM file.
 * - Neither set: setup mode (Probot's registration page), nothing to check.
 *
 * @param env the process environment (not modified)
 * @param cwd where a relative `PRIVATE_KEY_PATH` is resolved from
 * @returns the environment to start with (`PRIVATE_KEY` normalised), or a one-line message naming the variable and the fix
 */
export function preparePrivateKey(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): PrivateKeyCheck {
  if (env.PRIVATE_KEY) {
    const key = normaliseKey(env.PRIVATE_KEY);
    const problem = pemProblem(key);
    if (problem !== null) {
      return { ok: false, message: `eng-health: PRIVATE_KEY cannot be used as the GitHub App's private key (${problem}). Paste the whole .pem file (or set PRIVATE_KEY_PATH to it) and start again.` };
    }
    return { ok: true, source: "PRIVATE_KEY", env: { ...env, PRIVATE_KEY: key } };
  }
  if (env.PRIVATE_KEY_PATH) {
    const path = resolve(cwd, env.PRIVATE_KEY_PATH);
    if (!existsSync(path)) {
      return { ok: false, message: `eng-health: PRIVATE_KEY_PATH points at ${path}, which does not exist. Mount the GitHub App's .pem file there and start again.` };
    }
    const problem = pemProblem(readFileSync(path, "utf8"));
    if (problem !== null) {
      return { ok: false, message: `eng-health: the file at PRIVATE_KEY_PATH (${path}) is not a usable private key (${problem}). Download a new key in the GitHub App's settings and start again.` };
    }
    return { ok: true, source: "PRIVATE_KEY_PATH", env };
  }
  return { ok: true, source: "none", env };
}

function normaliseKey(raw: string): string {
  let key = raw.trim();
  const quote = key[0];
  if ((quote === '"' || quote === "'") && key.endsWith(quote) && key.length >= 2) key = key.slice(1, -1).trim();
  if (!key.includes("-----BEGIN") && /^[A-Za-z0-9+/=\s]+$/.test(key)) {
    const decoded = Buffer.from(key, "base64").toString("utf8");
    if (decoded.includes("-----BEGIN")) key = decoded;
  }
  return key.replaceAll("\\n", "\n").trim();
}

/** Why `pem` is not a private key Node can sign with, or null when it is. */
function pemProblem(pem: string): string | null {
  if (!pem.includes("-----BEGIN") || !pem.includes("PRIVATE KEY-----")) return "no -----BEGIN … PRIVATE KEY----- block";
  try {
    createPrivateKey(pem);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] ?? "unreadable" : "unreadable";
  }
}
