/** UTF-8 length of `text` in bytes: what GitHub measures its size limits in. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * Shorten `text` so it takes at most `maxBytes` UTF-8 bytes, marker included.
 *
 * Input: any string, a byte budget (a whole number ≥ 0) and a marker appended
 * when something was cut (default "…", 3 bytes). Output: `text` unchanged
 * when it fits; otherwise its longest prefix of whole code points (a surrogate
 * pair or a multi-byte character is never split) followed by `marker`. When
 * even the marker does not fit, the result is a prefix of the marker, or "".
 * Never throws.
 */
export function truncateUtf8(text: string, maxBytes: number, marker = "…"): string {
  const budget = Math.max(0, Math.floor(maxBytes));
  if (utf8Bytes(text) <= budget) return text;
  const markerBytes = utf8Bytes(marker);
  if (markerBytes > budget) return takeUtf8Prefix(marker, budget);
  return takeUtf8Prefix(text, budget - markerBytes) + marker;
}

/** The longest prefix of whole code points of `text` that fits in `maxBytes` UTF-8 bytes. */
function takeUtf8Prefix(text: string, maxBytes: number): string {
  let used = 0;
  let end = 0;
  for (const codePoint of text) {
    const size = utf8Bytes(codePoint);
    if (used + size > maxBytes) break;
    used += size;
    end += codePoint.length;
  }
  return text.slice(0, end);
}
