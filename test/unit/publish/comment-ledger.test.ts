import { describe, expect, it } from "vitest";
import { CommentLedger, commentKey } from "../../../src/publish/comment-ledger.js";

describe("CommentLedger", () => {
  const key = commentKey({ owner: "Acme", repo: "Widgets", number: 7, marker: "<!-- m -->" });

  it("lets one delivery decide at a time and remembers a posted comment", () => {
    const ledger = new CommentLedger();
    expect(key).toBe("acme/widgets#7:<!-- m -->");
    expect(ledger.claim(key)).toBe(true);
    expect(ledger.claim(key)).toBe(false);
    ledger.release(key, true);
    expect(ledger.hasPosted(key)).toBe(true);
    expect(ledger.claim(key)).toBe(false);
  });

  it("frees the key when nothing was posted", () => {
    const ledger = new CommentLedger();
    expect(ledger.claim(key)).toBe(true);
    ledger.release(key, false);
    expect(ledger.hasPosted(key)).toBe(false);
    expect(ledger.claim(key)).toBe(true);
  });
});
