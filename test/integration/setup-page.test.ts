import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { escapeManifestForHtml, makeSetupManifestSafe } from "../../src/server/safe-setup-manifest.js";

/**
 * Registration: Probot's setup page (served by `npm start` without APP_ID)
 * posts `app.yml` as a GitHub App manifest from the Register button's value.
 * Here the page is rendered with Probot's own view and manifest code, read
 * with a spec-compliant HTML parser (parse5, as a browser would), and the
 * value must be JSON equal to app.yml plus Probot's additions.
 */

const probotLib = dirname(createRequire(import.meta.url).resolve("probot"));
const { setupView } = (await import(pathToFileURL(join(probotLib, "views/setup.js")).href)) as {
  setupView(input: { name: string; description: string; version: string; createAppUrl: string; manifest: string }): string;
};
const { ManifestCreation } = (await import(pathToFileURL(join(probotLib, "manifest-creation.js")).href)) as {
  ManifestCreation: new () => {
    getManifest(options: { pkg: Record<string, unknown>; baseUrl: string; readFileSync?: (path: string, encoding: string) => string }): string;
  };
};
const REPO_ROOT = new URL("../../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", REPO_ROOT), "utf8")) as Record<string, unknown>;
const appYml = readFileSync(new URL("app.yml", REPO_ROOT), "utf8");
const BASE_URL = "http://localhost:3000";

type Element = DefaultTreeAdapterTypes.Element;

/** The Register button's `value`, as a browser would post it. */
function postedManifest(html: string): string {
  const stack: unknown[] = [parse(html)];
  while (stack.length > 0) {
    const node = stack.pop() as Partial<Element> & { childNodes?: unknown[] };
    if (node.tagName === "button" && node.attrs?.some((attr) => attr.name === "name" && attr.value === "manifest")) {
      const value = node.attrs.find((attr) => attr.name === "value")?.value;
      if (value === undefined) throw new Error("the Register button has no value");
      return value;
    }
    stack.push(...(node.childNodes ?? []));
  }
  throw new Error("no Register button on the page");
}

function renderSetupPage(manifest: string): string {
  return setupView({
    name: String(pkg.name),
    description: String(pkg.description),
    version: String(pkg.version),
    createAppUrl: "https://github.com/settings/apps/new",
    manifest,
  });
}

/** What Probot adds to app.yml (lib/manifest-creation.js), app.yml's own keys winning. */
function expectedManifest(yamlText: string): Record<string, unknown> {
  return {
    description: pkg.description,
    hook_attributes: { url: `${BASE_URL}/` },
    name: pkg.name,
    public: true,
    redirect_url: `${BASE_URL}/probot/setup`,
    url: pkg.homepage ?? pkg.repository,
    version: "v1",
    ...(parseYaml(yamlText) as Record<string, unknown>),
  };
}

describe("Probot's setup page posts app.yml as valid JSON", () => {
  delete process.env.WEBHOOK_PROXY_URL;
  delete process.env.PROJECT_DOMAIN;

  it("for eng-health's own app.yml, exactly app.yml plus Probot's additions", async () => {
    expect(await makeSetupManifestSafe()).toBe(true);
    const manifest = new ManifestCreation().getManifest({ pkg, baseUrl: BASE_URL });
    const posted = JSON.parse(postedManifest(renderSetupPage(manifest))) as Record<string, unknown>;
    expect(posted).toEqual(expectedManifest(appYml));
    expect(posted.default_events).toEqual(["pull_request", "pull_request_review", "issues", "check_run", "check_suite"]);
  });

  it("for a manifest with an apostrophe, quotes, < and &, once eng-health protects the page", async () => {
    const hostile = `name: eng-health\ndescription: "The team's <b>\\"agreements\\"</b> & R&D &amp; more"\nurl: https://example.test/?a=1&lt=2\n`;
    expect(await makeSetupManifestSafe()).toBe(true);
    const manifest = new ManifestCreation().getManifest({ pkg, baseUrl: BASE_URL, readFileSync: () => hostile });
    const posted = JSON.parse(postedManifest(renderSetupPage(manifest))) as Record<string, unknown>;
    expect(posted).toEqual(expectedManifest(hostile));
    expect(posted.description).toBe('The team\'s <b>"agreements"</b> & R&D &amp; more');
  });

  it("which the unprotected page breaks: the apostrophe ends the attribute, and a character reference is decoded", () => {
    const raw = JSON.stringify({ description: "The team's", url: "https://example.test/?a=1&lt=2" });
    expect(() => JSON.parse(postedManifest(renderSetupPage(raw)))).toThrow(SyntaxError);
    const ampersandOnly = JSON.stringify({ description: "Research &amp; development" });
    expect(JSON.parse(postedManifest(renderSetupPage(ampersandOnly)))).not.toEqual(JSON.parse(ampersandOnly));
    expect(JSON.parse(postedManifest(renderSetupPage(escapeManifestForHtml(ampersandOnly))))).toEqual(JSON.parse(ampersandOnly));
  });
});
