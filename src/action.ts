import { runAction } from "./action/run-action.js";
import { createRunnerIo } from "./action/runner-io.js";

// The GitHub Action's entry, bundled into dist/action.js (`npm run build:action`): wiring only.
process.exitCode = await runAction(process.env, createRunnerIo(process.env));
