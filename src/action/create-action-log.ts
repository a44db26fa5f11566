import type { Log } from "../model/log.js";
import type { ActionIo } from "./runner-io.js";
import { workflowCommand } from "./workflow-command.js";

/**
 * The log the shared pipelines write to (`Log`, pino's shape), as step log
 * lines: `info` a plain line, `warn` a `::warning::`, `error` an `::error::`
 * (both shown on the run's page), `debug` a `::debug::` (shown when step debug
 * logging is on). The message comes first, then the fields that are plain
 * values (`key=value`) and the error's message when there is one.
 *
 * @param io where the lines go
 * @returns the log
 */
export function createActionLog(io: Pick<ActionIo, "log">): Log {
  const line = (obj: object, msg: string | undefined): string => {
    const fields = Object.entries(obj).flatMap(([key, value]) => {
      if (key === "err") return [];
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? [`${key}=${String(value)}`] : [];
    });
    const err = (obj as { err?: unknown }).err;
    const reason = err instanceof Error ? err.message.split("\n")[0] : err === undefined ? "" : String(err);
    let text = msg ?? "";
    if (fields.length > 0) text += ` (${fields.join(", ")})`;
    if (reason !== "") text += `: ${reason}`;
    return text;
  };
  return {
    info: (obj, msg) => io.log(line(obj, msg)),
    warn: (obj, msg) => io.log(workflowCommand("warning", {}, line(obj, msg))),
    error: (obj, msg) => io.log(workflowCommand("error", {}, line(obj, msg))),
    debug: (obj, msg) => io.log(workflowCommand("debug", {}, line(obj, msg))),
  };
}
