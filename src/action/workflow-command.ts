/**
 * GitHub Actions workflow commands: lines a step prints to its log that the
 * runner acts on, `::NAME key=value,key=value::MESSAGE` (GitHub docs,
 * "Workflow commands for GitHub Actions",
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 * Pure text; the runner I/O prints them.
 */

/** The commands eng-health prints: annotations (`error`, `warning`, `notice`) and `debug` lines. */
export type WorkflowCommandName = "error" | "warning" | "notice" | "debug";

/** A command's properties, e.g. `{ file: "src/a.ts", line: 3, title: "Tests" }`; undefined ones are left out. */
export type WorkflowCommandProperties = Record<string, string | number | undefined>;

/**
 * Escape a command's message the way the runner reads it back: `%` as `%25`,
 * CR as `%0D`, LF as `%0A`. A message can then never end the line, so text
 * from a pull request cannot start a command of its own.
 */
export function escapeCommandData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/**
 * Escape a property value: as {@link escapeCommandData}, and `:` as `%3A` and
 * `,` as `%2C`, which would otherwise end the value.
 */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/**
 * One workflow command line, without a line break. Pure.
 *
 * @param name e.g. `warning`
 * @param properties e.g. `{ file: "src/a.ts", line: 3, endLine: 5, title: "Tests accompany code" }`
 *   (GitHub reads `file`, `line`, `endLine`, `col`, `endColumn` and `title`)
 * @param message the text, any characters
 * @returns e.g. `::warning file=src/a.ts,line=3::Changed without a test.`
 */
export function workflowCommand(name: WorkflowCommandName, properties: WorkflowCommandProperties, message: string): string {
  const pairs = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`);
  return `::${name}${pairs.length > 0 ? ` ${pairs.join(",")}` : ""}::${escapeCommandData(message)}`;
}
