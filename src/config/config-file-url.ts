import { CONFIG_PATH } from "./schema.js";

/**
 * The config file's page on GitHub, on the default branch (`HEAD` resolves to it).
 *
 * @param input the repository; `webUrl` is the server's web root (GitHub Enterprise), default `https://github.com`
 */
export function configFileUrl(input: { owner: string; repo: string; webUrl?: string }): string {
  const root = (input.webUrl ?? "https://github.com").replace(/\/$/, "");
  return `${root}/${input.owner}/${input.repo}/blob/HEAD/${CONFIG_PATH}`;
}
