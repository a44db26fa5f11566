import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Make the manifest that Probot's setup page posts valid JSON whatever
 * `app.yml` contains. Probot 14 writes the manifest into the Register button
 * as `value='${manifest}'` (probot `lib/views/setup.js`): an apostrophe in any
 * string of `app.yml` ends the attribute, and an `&` followed by a name
 * (`&lt`, `&amp`) is decoded by the browser, so GitHub receives broken or
 * altered JSON. Inside JSON strings those characters may be written as
 * `\u0027`, `\u0026`, `\u003c` and `\u003e`, which an HTML attribute leaves
 * alone and `JSON.parse` reads back unchanged.
 *
 * @param json the manifest as `JSON.stringify` wrote it
 * @returns the same JSON with `'`, `&`, `<` and `>` escaped (it parses to an equal value)
 */
export function escapeManifestForHtml(json: string): string {
  return json.replaceAll("&", "\\u0026").replaceAll("'", "\\u0027").replaceAll("<", "\\u003c").replaceAll(">", "\\u003e");
}

/** The part of Probot's internal `ManifestCreation` class this module wraps. */
interface ManifestCreationModule {
  ManifestCreation?: { prototype: { getManifest?: (this: unknown, ...args: unknown[]) => string } };
}

let patched = false;

/**
 * Load Probot's `ManifestCreation` (not exported by the package, so it is
 * imported by file, the same module instance `probot`'s setup uses) and make
 * its `getManifest` return {@link escapeManifestForHtml}'s output. Call it
 * once before `run()` in setup mode (no `APP_ID`). Safe to call twice.
 *
 * @param options `probotEntry`: the resolved path of `probot`'s main module (tests); default `require.resolve("probot")`
 * @returns true when the setup page is protected; false when Probot's internals changed (the caller logs a warning)
 */
export async function makeSetupManifestSafe(options: { probotEntry?: string } = {}): Promise<boolean> {
  if (patched) return true;
  const entry = options.probotEntry ?? createRequire(import.meta.url).resolve("probot");
  let module: ManifestCreationModule;
  try {
    module = (await import(pathToFileURL(join(dirname(entry), "manifest-creation.js")).href)) as ManifestCreationModule;
  } catch {
    return false;
  }
  const prototype = module.ManifestCreation?.prototype;
  const original = prototype?.getManifest;
  if (prototype === undefined || typeof original !== "function") return false;
  prototype.getManifest = function getSafeManifest(this: unknown, ...args: unknown[]): string {
    return escapeManifestForHtml(original.apply(this, args));
  };
  patched = true;
  return true;
}
