/**
 * One step output as a line of the `GITHUB_OUTPUT` file (GitHub docs,
 * "Workflow commands for GitHub Actions", "Setting an output parameter" and
 * "Multiline strings"): `name=value` for a one-line value, else
 * `name<<DELIMITER`, the value, and the delimiter on a line of its own. Pure.
 *
 * @param name the output's name, e.g. `conclusion`
 * @param value the value, any text
 * @param delimiter for multi-line values: a string that never appears in them
 *   (the caller passes a random one)
 * @returns the text to append, ending with a line break
 * @throws Error when a multi-line value contains the delimiter (it would end the value early)
 */
export function formatOutput(name: string, value: string, delimiter: string): string {
  if (!value.includes("\n") && !value.includes("\r")) return `${name}=${value}\n`;
  if (value.includes(delimiter)) throw new Error(`eng-health: the output ${name} contains its delimiter`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
