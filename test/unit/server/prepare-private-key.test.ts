import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { preparePrivateKey } from "../../../src/server/prepare-private-key.js";
import { testPrivateKey } from "../../helpers/test-key.js";

const pem = testPrivateKey();
/** How Probot's setup writes the key into .env: quoted, newlines as `\n`. */
const asProbotWritesIt = `"${pem.replaceAll("\n", "\\n")}"`;

describe("preparePrivateKey", () => {
  it.each([
    ["the PEM as it is", pem],
    ["quoted with \\n escapes, as docker --env-file keeps Probot's .env line", asProbotWritesIt],
    ["single-quoted", `'${pem}'`],
    ["base64", Buffer.from(pem).toString("base64")],
  ])("accepts %s and hands Probot a plain PEM", (_case, value) => {
    const checked = preparePrivateKey({ PRIVATE_KEY: value });
    expect(checked).toMatchObject({ ok: true, source: "PRIVATE_KEY" });
    expect(checked.ok && checked.env.PRIVATE_KEY).toBe(pem.trim());
  });

  it("names the variable and the fix, in one line, for a key that is not one", () => {
    const checked = preparePrivateKey({ PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----" });
    expect(checked.ok).toBe(false);
    const message = checked.ok ? "" : checked.message;
    expect(message).toMatch(/^eng-health: PRIVATE_KEY cannot be used as the GitHub App's private key \(.+\)\. Paste the whole \.pem file/);
    expect(message).not.toContain("\n");
  });

  it("reads PRIVATE_KEY_PATH (a mounted secret) and says when the file is missing or not a key", () => {
    const dir = mkdtempSync(join(tmpdir(), "eng-health-key-"));
    writeFileSync(join(dir, "app.pem"), pem);
    writeFileSync(join(dir, "broken.pem"), "hello");
    expect(preparePrivateKey({ PRIVATE_KEY_PATH: "app.pem" }, dir)).toMatchObject({ ok: true, source: "PRIVATE_KEY_PATH" });
    expect(preparePrivateKey({ PRIVATE_KEY_PATH: "missing.pem" }, dir)).toEqual({
      ok: false,
      message: `eng-health: PRIVATE_KEY_PATH points at ${join(dir, "missing.pem")}, which does not exist. Mount the GitHub App's .pem file there and start again.`,
    });
    expect(preparePrivateKey({ PRIVATE_KEY_PATH: "broken.pem" }, dir)).toMatchObject({ ok: false, message: expect.stringContaining("no -----BEGIN") });
  });

  it("has nothing to check without a key (Probot's setup mode)", () => {
    expect(preparePrivateKey({})).toEqual({ ok: true, source: "none", env: {} });
  });
});
