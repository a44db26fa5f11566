import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (test/helpers/ is two levels down). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** What one run of the bundle left behind. */
export interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The job summary file's content ("" when nothing was written). */
  summary: string;
  /** The GITHUB_OUTPUT file's content. */
  output: string;
}

/**
 * An action checkout as the runner has it: `action.yml`, `package.json` (its
 * `"type": "module"` makes `dist/action.js` an ES module) and the committed
 * `dist/action.js`, in a temporary folder with no `node_modules`, so a run
 * proves the bundle needs no `npm install`. Never rebuilds the bundle.
 *
 * @returns the checkout's folder and a function that removes it
 */
export function checkOutAction(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "eng-health-action-"));
  mkdirSync(join(dir, "dist"));
  for (const file of ["action.yml", "package.json", "dist/action.js"]) copyFileSync(join(REPO_ROOT, file), join(dir, file));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Run `node dist/action.js` in a checkout as the runner does: the event
 * payload written to a file named by `GITHUB_EVENT_PATH`, fresh
 * `GITHUB_STEP_SUMMARY` and `GITHUB_OUTPUT` files, and only the given
 * `GITHUB_*` / `INPUT_*` variables (plus `PATH`), so nothing from the test
 * process leaks in. Asynchronous, so a stand-in API in this process can answer.
 *
 * @param checkout the folder from {@link checkOutAction}
 * @param env the run's variables (`GITHUB_EVENT_NAME`, `INPUT_GITHUB-TOKEN`, …)
 * @param payload the event payload, or null for none
 */
export async function runActionBundle(checkout: string, env: Record<string, string>, payload: unknown): Promise<BundleRun> {
  const files = mkdtempSync(join(tmpdir(), "eng-health-run-"));
  try {
    const summaryPath = join(files, "summary.md");
    const outputPath = join(files, "output.txt");
    writeFileSync(summaryPath, "");
    writeFileSync(outputPath, "");
    const eventPath = join(files, "event.json");
    if (payload !== null) writeFileSync(eventPath, JSON.stringify(payload));
    const child = spawn(process.execPath, [join(checkout, "dist", "action.js")], {
      cwd: files,
      env: {
        PATH: process.env.PATH ?? "",
        GITHUB_STEP_SUMMARY: summaryPath,
        GITHUB_OUTPUT: outputPath,
        ...(payload !== null ? { GITHUB_EVENT_PATH: eventPath } : {}),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    return { code, stdout, stderr, summary: readFileSync(summaryPath, "utf8"), output: readFileSync(outputPath, "utf8") };
  } finally {
    rmSync(files, { recursive: true, force: true });
  }
}
