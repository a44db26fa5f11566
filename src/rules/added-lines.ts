/** One line a patch adds, as it reads in the file after the change. */
export interface AddedLine {
  /** 1-based line number in the file after the change. */
  line: number;
  /** The line's text without the leading `+` (and without a trailing `\r`). */
  text: string;
}

/** `@@ -12,7 +12,9 @@ optional section heading`; a count left out means 1 (unified diff format). */
const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * The lines a unified diff adds, with their line numbers in the new file.
 *
 * Input: a file's `patch` as `GET /repos/{owner}/{repo}/pulls/{n}/files`
 * returns it (hunks only, starting at `@@`), or `undefined` when GitHub left
 * it out (binary or very large diffs). Lines outside a hunk (such as
 * `diff --git`, `---`/`+++` file headers) are ignored; each hunk is read for
 * exactly the number of lines its header announces, so a `+++` line inside a
 * hunk is an added line and a header after it is not. `\ No newline at end of
 * file` is skipped. CRLF line endings are accepted.
 * Output: added lines in patch order (ascending line numbers within a hunk);
 * `[]` for a missing or empty patch. Never throws: a malformed hunk header
 * only makes the lines up to the next valid one be ignored.
 */
export function addedLines(patch: string | undefined | null): AddedLine[] {
  if (!patch) return [];
  const result: AddedLine[] = [];
  let newLine = 0;
  let oldLeft = 0;
  let newLeft = 0;
  for (const raw of patch.split(/\r?\n/)) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      oldLeft = Number(header[1] ?? 1);
      newLine = Number(header[2]);
      newLeft = Number(header[3] ?? 1);
      continue;
    }
    if (oldLeft <= 0 && newLeft <= 0) continue;
    if (raw.startsWith("\\")) continue;
    const marker = raw.charAt(0);
    if (marker === "+") {
      result.push({ line: newLine, text: raw.slice(1) });
      newLine += 1;
      newLeft -= 1;
    } else if (marker === "-") {
      oldLeft -= 1;
    } else {
      // A context line (" text", or "" where a tool trimmed the space).
      newLine += 1;
      newLeft -= 1;
      oldLeft -= 1;
    }
  }
  return result;
}
