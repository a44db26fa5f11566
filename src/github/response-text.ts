/**
 * The body of a raw-content response (`mediaType: { format: "raw" }`) as
 * UTF-8 text. GitHub answers `text/plain`, which Octokit gives as a string;
 * other content types arrive as an ArrayBuffer or a typed array.
 *
 * @returns the text, or null when the body is JSON (a directory listing, say)
 */
export function responseText(data: unknown): string | null {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
  return null;
}
