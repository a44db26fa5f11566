import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPullRequestStandIn, type PullRequestStandIn } from "../../bench/pull-request-stand-in.js";
import { FLAKY_CHECKLIST_MARKER } from "../../src/flaky/render-flaky-checklist.js";
import { BullmqQueue } from "../../src/queue/bullmq-queue.js";
import { deliveryJobOf } from "../../src/queue/run-delivery.js";
import { createServices } from "../../src/pipelines/services.js";
import { startJobSchedulers } from "../../src/schedule/start-job-schedulers.js";
import { startAppServer, type AppServer } from "../helpers/app-server.js";
import { examplePayload } from "../helpers/payloads.js";
import { deleteKeys, redisForTests, startOwnRedis, uniquePrefix } from "../helpers/redis.js";
import { waitFor } from "../helpers/wait-for.js";

const redisUrl = await redisForTests();

interface PrPayload {
  action: string;
  pull_request: { number: number; head: { sha: string }; labels: unknown[] };
}

function prPayload(number: number, action = "opened"): PrPayload {
  const payload = examplePayload<PrPayload>("pull_request", "opened");
  payload.action = action;
  payload.pull_request.number = number;
  payload.pull_request.head.sha = number.toString(16).padStart(40, "a");
  return payload;
}

describe.skipIf(redisUrl === null)("two replicas on one Redis (BullMQ)", () => {
  const url = redisUrl ?? "";
  const prefix = uniquePrefix("replicas");
  let standIn: PullRequestStandIn;
  let a: AppServer;
  let b: AppServer;

  beforeAll(async () => {
    standIn = await startPullRequestStandIn();
    const env = { REDIS_URL: url, REDIS_PREFIX: prefix };
    [a, b] = await Promise.all([startAppServer({ host: standIn.host, env }), startAppServer({ host: standIn.host, env })]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await standIn?.close();
    await deleteKeys(url, prefix);
  });

  const runsFor = (sha: string) => standIn.runs.filter((run) => run.headSha === sha);

  it("the same delivery sent to both makes one job and one check run", async () => {
    const payload = prPayload(101);
    const [first, second] = await Promise.all([
      a.deliver({ id: "same-delivery", event: "pull_request", payload }),
      b.deliver({ id: "same-delivery", event: "pull_request", payload }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await waitFor(() => runsFor(payload.pull_request.head.sha).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runsFor(payload.pull_request.head.sha)).toMatchObject([{ writes: 1, name: "Engineering practices" }]);
  });

  it("deliveries split across the replicas all complete, each PR with one run", async () => {
    const numbers = [201, 202, 203, 204, 205, 206];
    const answers = await Promise.all(numbers.map((n, index) => (index % 2 ? a : b).deliver({ id: `split-${n}`, event: "pull_request", payload: prPayload(n) })));
    expect(answers.map((answer) => answer.status)).toEqual(numbers.map(() => 200));
    // The stand-in records a run when the write arrives; the replica logs it once the answer is back.
    const ran = () => [...a.logs, ...b.logs].filter((line) => line.msg === "eng-health: check run written" && numbers.includes(Number(line.pull)));
    await waitFor(() => numbers.every((n) => runsFor(prPayload(n).pull_request.head.sha).length === 1) && ran().length >= numbers.length);
    expect(numbers.map((n) => runsFor(prPayload(n).pull_request.head.sha).length)).toEqual(numbers.map(() => 1));
    expect(ran()).toHaveLength(numbers.length);
  });

  it("opened, labeled and review_requested for one PR at once, across both replicas, leave one run", async () => {
    const actions = ["opened", "labeled", "review_requested"];
    await Promise.all(actions.map((action, index) => (index % 2 ? b : a).deliver({ id: `burst-${action}`, event: "pull_request", payload: prPayload(301, action) })));
    const sha = prPayload(301).pull_request.head.sha;
    await waitFor(() => (runsFor(sha)[0]?.writes ?? 0) === 3);
    expect(runsFor(sha)).toHaveLength(1);
  });

  it("the flaky checklist sent to both (opened and labeled) is posted once", async () => {
    const labeled = examplePayload<{ label: { name: string }; issue: { number: number; labels: Array<{ name: string }> } }>("issues", "labeled");
    labeled.label = { ...labeled.label, name: "flaky-test" };
    labeled.issue.number = 77;
    labeled.issue.labels = [{ name: "flaky-test" }];
    const opened = examplePayload<{ issue: unknown }>("issues", "opened");
    opened.issue = labeled.issue;
    await Promise.all([a.deliver({ id: "issue-opened", event: "issues", payload: opened }), b.deliver({ id: "issue-labeled", event: "issues", payload: labeled })]);
    const key = "Codertocat/Hello-World#77";
    await waitFor(() => (standIn.comments.get(key)?.length ?? 0) > 0);
    await waitFor(() => [...a.logs, ...b.logs].filter((line) => line.msg === "eng-health: job done" && String(line.deliveryId).startsWith("issue-")).length === 2);
    expect(standIn.comments.get(key)).toHaveLength(1);
    expect(standIn.comments.get(key)?.[0]).toContain(FLAKY_CHECKLIST_MARKER);
  });

  it("serves /metrics with the named series, /healthz and /readyz", async () => {
    const text = await (await fetch(`${a.base}/metrics`)).text();
    const names = new Set(text.split("\n").filter((line) => line.startsWith("# TYPE ")).map((line) => line.split(" ")[2]));
    for (const name of [
      "eng_health_deliveries_total",
      "eng_health_jobs_total",
      "eng_health_job_duration_seconds",
      "eng_health_job_retries_total",
      "eng_health_queue_jobs",
      "eng_health_queue_oldest_waiting_seconds",
      "eng_health_github_requests_total",
      "eng_health_github_rate_limit_remaining",
      "eng_health_process_resident_memory_bytes",
    ]) {
      expect(names, name).toContain(name);
    }
    expect(text).toMatch(/^eng_health_deliveries_total\{event="pull_request",outcome="queued"\} \d+$/m);
    expect(text).toMatch(/^eng_health_github_requests_total\{kind="rest-write",status="201"\} \d+$/m);
    expect(text).toMatch(/^eng_health_queue_jobs\{state="waiting"\} 0$/m);
    expect((await fetch(`${a.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${a.base}/readyz`)).status).toBe(200);
  });
});

describe.skipIf(redisUrl === null)("a replica stopped in the middle of a job", () => {
  it("leaves the job to another replica, which finishes it (stalled-job recovery)", async () => {
    const url = redisUrl ?? "";
    const prefix = uniquePrefix("stalled");
    const standIn = await startPullRequestStandIn();
    const connection = new Redis(url, { maxRetriesPerRequest: 1 });
    const workerConnection = new Redis(url, { maxRetriesPerRequest: null });
    let survivor: AppServer | undefined;
    try {
      // The first replica takes the job and stops answering for it (as a killed process would).
      const doomed = new BullmqQueue({ connection, workerConnection, prefix, lockDurationMs: 1_000, stalledIntervalMs: 500 });
      let taken = false;
      doomed.start(() => {
        taken = true;
        return new Promise<void>(() => {});
      });
      const payload = prPayload(401);
      await doomed.add(deliveryJobOf({ id: "orphaned", name: "pull_request", payload }));
      await waitFor(() => taken);
      expect(await doomed.close(0)).toEqual({ unfinished: ["orphaned"] });
      connection.disconnect();
      workerConnection.disconnect();

      survivor = await startAppServer({ host: standIn.host, env: { REDIS_URL: url, REDIS_PREFIX: prefix }, options: { lockDurationMs: 1_000, stalledIntervalMs: 500 } });
      await waitFor(() => standIn.runs.some((run) => run.headSha === payload.pull_request.head.sha), 15_000, "the survivor to write the run");
      expect(standIn.runs.filter((run) => run.headSha === payload.pull_request.head.sha)).toHaveLength(1);
    } finally {
      await survivor?.stop();
      await standIn.close();
      await deleteKeys(url, prefix);
    }
  });
});

describe.skipIf(redisUrl === null)("job schedulers on Redis", () => {
  it("two replicas registering the same schedule run each tick once", async () => {
    const url = redisUrl ?? "";
    const prefix = uniquePrefix("schedulers");
    const ticks: number[] = [];
    const job = { name: "probe", cron: "* * * * * *", run: async () => void ticks.push(Date.now()) };
    const app = { log: { info: () => {}, error: () => {}, warn: () => {}, debug: () => {} } } as never;
    const connections = [0, 1, 2, 3].map((index) => new Redis(url, { maxRetriesPerRequest: index % 2 ? null : 1 }));
    const [c0, c1, c2, c3] = connections as [Redis, Redis, Redis, Redis];
    try {
      const replicas = await Promise.all([
        startJobSchedulers(app, { sweepCron: "", reportCron: "" }, createServices(), { connection: c0, workerConnection: c1, prefix, jobs: [job] }),
        startJobSchedulers(app, { sweepCron: "", reportCron: "" }, createServices(), { connection: c2, workerConnection: c3, prefix, jobs: [job] }),
      ]);
      const started = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      await Promise.all(replicas.map((replica) => replica.stop()));
      const seconds = (Date.now() - started) / 1000;
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
      const gaps = ticks.slice(1).map((tick, index) => tick - (ticks[index] ?? 0));
      expect(Math.min(...gaps)).toBeGreaterThan(500);
    } finally {
      for (const connection of connections) connection.disconnect();
      await deleteKeys(url, prefix);
    }
  });
});

describe.skipIf(redisUrl === null)("readiness", () => {
  it("/readyz answers 503 once Redis stops answering", async () => {
    const own = await startOwnRedis();
    const standIn = await startPullRequestStandIn();
    const server = await startAppServer({ host: standIn.host, env: { REDIS_URL: own.url, REDIS_PREFIX: "eng-health-readyz" } });
    try {
      await waitFor(async () => (await fetch(`${server.base}/readyz`)).status === 200, 5_000, "readiness once connected");
      await own.stop();
      expect((await fetch(`${server.base}/readyz`)).status).toBe(503);
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
      await standIn.close();
    }
  });
});
