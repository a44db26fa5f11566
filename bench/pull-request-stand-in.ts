import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A check run the stand-in holds. */
export interface StandInCheckRun {
  id: number;
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  conclusion: string;
  title: string;
  /** Writes that created or updated it (1 = created only). */
  writes: number;
}

/** Options of {@link startPullRequestStandIn}. */
export interface PullRequestStandInOptions {
  /** Latency added to every answer, in ms (the benchmark uses 20). */
  latencyMs?: number;
  /** Extra delay before a check-run create or update is answered, in ms (acknowledgement tests). */
  writeDelayMs?: number;
  /** The config file served for every repository (`null`: none, 404 as GitHub answers). */
  config?: string | null;
  /** Files of every pull request. */
  files?: unknown[];
}

/** A running stand-in. */
export interface PullRequestStandIn {
  /** `127.0.0.1:port`, for `GHE_HOST` with `GHE_PROTOCOL=http`. */
  host: string;
  /** Every request, as `METHOD /path` (query left out). */
  requests: string[];
  runs: StandInCheckRun[];
  /** Comments posted, per `owner/repo#n`. */
  comments: Map<string, string[]>;
  close(): Promise<void>;
}

/**
 * A local stand-in for the part of the GitHub API one `pull_request` event
 * uses (REST under `/api/v3`, GraphQL at `/api/graphql`, as GitHub Enterprise
 * Server lays them out): installation tokens, the config file, the changed
 * files, the PR-state GraphQL query (which finds the check runs it holds by
 * head SHA and name), check-run create, update and lookup, and issue comments
 * (list, create) for the one-time comments. Check runs are kept, so tests and
 * the benchmark can count runs per head SHA. Listens on 127.0.0.1 only.
 */
export async function startPullRequestStandIn(options: PullRequestStandInOptions = {}): Promise<PullRequestStandIn> {
  const latency = options.latencyMs ?? 0;
  const requests: string[] = [];
  const runs: StandInCheckRun[] = [];
  const comments = new Map<string, string[]>();
  const send = (response: ServerResponse, status: number, body: unknown) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    response.writeHead(status, { "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8" });
    response.end(text);
  };
  const route = async (method: string, path: string, body: Record<string, unknown>, response: ServerResponse): Promise<void> => {
    let match: RegExpMatchArray | null;
    if (method === "POST" && /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return send(response, 201, { token: "stand-in-token", expires_at: "2099-01-01T00:00:00Z", permissions: { checks: "write", contents: "read" } });
    }
    if (method === "GET" && path.endsWith("/contents/.github%2Feng-health.yml")) {
      return options.config ? send(response, 200, options.config) : send(response, 404, { message: "Not Found" });
    }
    if (method === "GET" && /\/pulls\/\d+\/files$/.test(path)) return send(response, 200, options.files ?? []);
    if (method === "POST" && path === "/api/graphql") {
      const variables = (body.variables ?? {}) as { owner?: string; repo?: string; sha?: string; checkName?: string };
      const found = runs.filter((run) => run.owner === variables.owner && run.repo === variables.repo && run.headSha === variables.sha && run.name === variables.checkName);
      const repository: Record<string, unknown> = {
        object: { checkSuites: { nodes: found.slice(-1).map((run) => ({ checkRuns: { nodes: [{ databaseId: run.id }] } })) } },
        issues: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
        url: `https://github.com/${variables.owner}/${variables.repo}`,
        defaultBranchRef: { name: "main" },
        issue: { comments: { totalCount: 0, nodes: [] } },
      };
      return send(response, 200, { data: { repository } });
    }
    if ((match = path.match(/^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/check-runs$/)) && method === "POST") {
      if (options.writeDelayMs) await new Promise((resolve) => setTimeout(resolve, options.writeDelayMs));
      const output = (body.output ?? {}) as { title?: string };
      const run: StandInCheckRun = {
        id: runs.length + 1,
        owner: match[1] ?? "",
        repo: match[2] ?? "",
        name: String(body.name),
        headSha: String(body.head_sha),
        conclusion: String(body.conclusion),
        title: String(output.title ?? ""),
        writes: 1,
      };
      runs.push(run);
      return send(response, 201, { id: run.id });
    }
    if ((match = path.match(/\/check-runs\/(\d+)$/)) && method === "PATCH") {
      if (options.writeDelayMs) await new Promise((resolve) => setTimeout(resolve, options.writeDelayMs));
      const run = runs.find((candidate) => candidate.id === Number(match?.[1]));
      if (!run) return send(response, 404, { message: "Not Found" });
      run.writes += 1;
      if (typeof body.conclusion === "string") run.conclusion = body.conclusion;
      const output = body.output as { title?: string } | undefined;
      if (output?.title) run.title = output.title;
      return send(response, 200, { id: run.id });
    }
    if ((match = path.match(/^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/check-runs$/)) && method === "GET") {
      const found = runs.filter((run) => run.owner === match?.[1] && run.repo === match?.[2] && run.headSha === match?.[3]);
      return send(response, 200, { total_count: found.length, check_runs: found.slice(-1).map((run) => ({ id: run.id })) });
    }
    if ((match = path.match(/^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/))) {
      const key = `${match[1]}/${match[2]}#${match[3]}`;
      const list = comments.get(key) ?? [];
      if (method === "GET") return send(response, 200, list.map((text, index) => ({ id: index + 1, body: text })));
      list.push(String(body.body));
      comments.set(key, list);
      return send(response, 201, { id: list.length });
    }
    return send(response, 404, { message: "Not Found" });
  };
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // not JSON: an empty body for routing
    }
    const method = request.method ?? "GET";
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    requests.push(`${method} ${path}`);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    await route(method, path, body, response);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    runs,
    comments,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
