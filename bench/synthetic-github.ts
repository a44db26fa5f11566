import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { answerPullRequestState } from "./synthetic-pull-request-state.js";
import { answerSearch } from "./synthetic-report-search.js";
import { answerRepositoryRequest } from "./synthetic-rest-routes.js";
import type { SyntheticRepository } from "./synthetic-repository.js";

/** A running stand-in. */
export interface SyntheticGitHub {
  /** REST root, GitHub Enterprise layout: `http://127.0.0.1:PORT/api/v3` (GraphQL at `/api/graphql`). */
  apiUrl: string;
  /** `127.0.0.1:PORT`, for Probot's `GHE_HOST` (with `GHE_PROTOCOL=http`). */
  host: string;
  /** Requests answered, by API. */
  requests: { graphql: number; rest: number };
  close(): Promise<void>;
}

/** What the stand-in hands out for `POST /app/installations/{id}/access_tokens`: valid far into the future. */
const INSTALLATION_TOKEN = { token: "stand-in-installation-token", expires_at: "2099-01-01T00:00:00Z", permissions: { checks: "write", issues: "write", pull_requests: "read", contents: "read", metadata: "read" }, repository_selection: "selected" };

/**
 * A local stand-in for the parts of the GitHub API that the weekly report and
 * a pull request event use, on 127.0.0.1 (random port), serving synthetic
 * repositories (which its writes change):
 *
 * - GraphQL `POST /api/graphql`: the report's page queries (each `search`
 *   alias `s0`, `s1`, … answered by `answerSearch`; `repository { templateN }`
 *   gives the PR template at the first path), and a PR event's state query
 *   (`answerPullRequestState`: the existing check run, review timeline, open
 *   flaky-test issues).
 * - REST under `/api/v3`: the installation token, and per repository the raw
 *   config file, a PR's files, check runs, issues and comments
 *   (`answerRepositoryRequest`).
 *
 * Every answer waits `latencyMs` first. Unknown routes answer 404.
 *
 * @param options the repositories and the latency per request in ms
 */
export async function startSyntheticGitHub(options: { repositories: SyntheticRepository[]; latencyMs: number }): Promise<SyntheticGitHub> {
  const requests = { graphql: 0, rest: 0 };
  const byName = new Map(options.repositories.map((repository) => [`${repository.owner}/${repository.repo}`.toLowerCase(), repository]));
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const body: unknown = text ? JSON.parse(text) : null;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (options.latencyMs > 0) await sleep(options.latencyMs);

    if (req.method === "POST" && url.pathname === "/api/graphql") {
      requests.graphql += 1;
      const { query, variables } = body as { query: string; variables?: Record<string, unknown> };
      send(res, 200, answerGraphql(byName, query, variables ?? {}));
      return;
    }
    requests.rest += 1;
    if (req.method === "POST" && /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(url.pathname)) return send(res, 201, INSTALLATION_TOKEN);
    const match = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(url.pathname);
    const repository = match ? byName.get(`${match[1]}/${match[2]}`.toLowerCase()) : undefined;
    if (!match || !repository) return send(res, 404, { message: "Not Found" });
    const answer = answerRepositoryRequest(repository, {
      method: req.method ?? "GET",
      rest: match[3] ?? "",
      query: url.searchParams,
      body: (body ?? {}) as Record<string, unknown>,
    });
    if ("text" in answer) {
      res.writeHead(answer.status, { "content-type": "text/plain; charset=utf-8" });
      res.end(answer.text);
      return;
    }
    send(res, answer.status, answer.json);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v3`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(payload));
}

/** Answer a PR event's state query, or a report page query: the repository's templates and every search alias. */
function answerGraphql(repositories: Map<string, SyntheticRepository>, query: string, variables: Record<string, unknown>): Record<string, unknown> {
  const named = repositories.get(`${String(variables.owner)}/${String(variables.repo)}`.toLowerCase());
  if (query.includes("object(oid: $sha)")) return { data: answerPullRequestState(named, query, variables) };
  const data: Record<string, unknown> = {};
  const errors = answerRollupProbe(repositories, query, variables, data);
  if (query.includes("repository(owner: $owner")) {
    const templates: Record<string, unknown> = {};
    for (const alias of query.matchAll(/(template\d+): object/g)) templates[alias[1] as string] = null;
    if (named) templates.template0 = { text: named.template };
    data.repository = named ? templates : null;
  }
  for (let index = 0; typeof variables[`q${index}`] === "string"; index += 1) {
    const first = Number(new RegExp(`s${index}: search\\([^)]*first: (\\d+)`).exec(query)?.[1] ?? 10);
    const after = typeof variables[`c${index}`] === "string" ? Number(Buffer.from(variables[`c${index}`] as string, "base64").toString("utf8")) : 0;
    data[`s${index}`] = answerSearch(repositories, variables[`q${index}`] as string, first, after);
  }
  return errors.length > 0 ? { data, errors } : { data };
}

/**
 * A rollup's probe (`rN: repository(owner: $oN, name: $nN)`): each served
 * repository's name, page and template into `data`; null and a `NOT_FOUND`
 * error, as GitHub answers, for a repository it does not serve.
 *
 * @returns the GraphQL errors to send
 */
function answerRollupProbe(
  repositories: Map<string, SyntheticRepository>,
  query: string,
  variables: Record<string, unknown>,
  data: Record<string, unknown>,
): Array<Record<string, unknown>> {
  const errors: Array<Record<string, unknown>> = [];
  for (const [, alias, ownerVariable, nameVariable] of query.matchAll(/(r\d+): repository\(owner: \$(o\d+), name: \$(n\d+)\)/g)) {
    const name = `${String(variables[ownerVariable as string])}/${String(variables[nameVariable as string])}`;
    const repository = repositories.get(name.toLowerCase());
    if (repository === undefined) {
      data[alias as string] = null;
      errors.push({ type: "NOT_FOUND", path: [alias], message: `Could not resolve to a Repository with the name '${name}'.` });
      continue;
    }
    const templates: Record<string, unknown> = {};
    for (const template of query.matchAll(/(template\d+): object/g)) templates[template[1] as string] = null;
    data[alias as string] = {
      nameWithOwner: `${repository.owner}/${repository.repo}`,
      url: `https://github.com/${repository.owner}/${repository.repo}`,
      ...templates,
      template0: { text: repository.template },
    };
  }
  return errors;
}
