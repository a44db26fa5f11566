import { CONFIG_PATH } from "./schema.js";

/**
 * The config file's page on GitHub, on the default branch (`HEAD` resolves to it).
 *
 * @param input the repository; `webUrl` is the server's web root (GitHub Enterprise), default `https://github.com`;
 *   `ref` a commit or branch instead of the default branch (`HEAD`)
 */
export function configFileUrl(input: { owner: string; repo: string; webUrl?: string; ref?: string }): string {
  const root = (input.webUrl ?? "https://github.com").replace(/\/$/, "");
  return `${root}/${input.owner}/${input.repo}/blob/${input.ref ?? "HEAD"}/${CONFIG_PATH}`;
}
