#!/usr/bin/env node
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { AppOctokit } from "./github/app-octokit.js";
import app from "./index.js";
import { preparePrivateKey } from "./server/prepare-private-key.js";
import { runServer } from "./server/run-server.js";
import { makeSetupManifestSafe } from "./server/safe-setup-manifest.js";

// `npm start`: the eng-health server. Wiring only: read `.env` as Probot does
// (the file's values win), check the private key, protect the setup page, run.
const envFile = join(process.cwd(), ".env");
if (existsSync(envFile)) Object.assign(process.env, parseEnv(readFileSync(envFile, "utf8")));

const key = preparePrivateKey(process.env);
if (!key.ok) {
  console.error(key.message);
  process.exit(1);
}
process.env = key.env;
if (key.source === "none" && !(await makeSetupManifestSafe())) {
  console.error("eng-health: could not protect Probot's setup page; keep apostrophes and ampersands out of app.yml.");
}
// Probot's `run`, with bodies over 25 MB refused unread and no payload in the logs (see runServer).
await runServer(app, { Octokit: AppOctokit });
