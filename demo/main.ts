#!/usr/bin/env node
import { runDemo } from "./run-demo.js";

// `npm run demo`: wiring only (see runDemo).
const started = Date.now();
const code = await runDemo({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.stderr.write(`eng-health demo: finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exitCode = code;
