import { createHmac, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

// The load generator of `npm run bench:webhooks`, run as its own process so the server's process
// measures only the server: it signs and sends N deliveries with a fixed number of concurrent
// senders and prints one JSON line per event to stdout:
//   {"sending":true}         just before the first delivery is sent
//   {"warm":true}            after `warmAfter` deliveries were answered (the server then measures its memory
//                            and answers with a line "go" on stdin before the rest are sent)
//   {"acks":[ms…],"seconds":S}  at the end: each delivery's acknowledgement time in milliseconds, and
//                            the seconds from the first delivery sent to the last answered (warm-up pause excluded)

/** What the parent passes as the one argument (JSON). */
export interface SendOrder {
  url: string;
  secret: string;
  event: "pull_request" | "issues";
  deliveries: number;
  installations: number;
  concurrency: number;
  /** Pause after this many answered deliveries and print `{"warm":true}`; 0: no pause. */
  warmAfter: number;
}

function examplePayload(event: string, action: string): Record<string, unknown> {
  const groups = createRequire(import.meta.url)("@octokit/webhooks-examples") as Array<{ name: string; examples: Array<Record<string, unknown>> }>;
  const example = groups.find((group) => group.name === event)?.examples.find((candidate) => candidate.action === action);
  if (!example) throw new Error(`no example ${event}.${action}`);
  return structuredClone(example);
}

/** One signed body per delivery: distinct pull requests (number and head SHA), installations taken in turn. */
function bodiesFor(order: SendOrder): string[] {
  const base = order.event === "issues" ? examplePayload("issues", "unlabeled") : examplePayload("pull_request", "opened");
  return Array.from({ length: order.deliveries }, (_, index) => {
    const payload = structuredClone(base) as { installation?: { id: number }; pull_request?: { number: number; head: { sha: string } } };
    payload.installation = { id: (index % order.installations) + 1 };
    if (payload.pull_request) {
      payload.pull_request.number = index + 1;
      payload.pull_request.head.sha = (index + 1).toString(16).padStart(40, "0");
    }
    return JSON.stringify(payload);
  });
}

async function send(order: SendOrder): Promise<void> {
  const bodies = bodiesFor(order);
  const acks: number[] = [];
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  let sendingMs = 0;
  const sendRange = async (from: number, to: number) => {
    const started = performance.now();
    let next = from;
    const sender = async () => {
      while (next < to) {
        const index = next++;
        const body = bodies[index] ?? "";
        const sent = performance.now();
        const response = await fetch(order.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-github-event": order.event,
            "x-github-delivery": `bench-${index}-${randomUUID()}`,
            "x-hub-signature-256": `sha256=${createHmac("sha256", order.secret).update(body).digest("hex")}`,
          },
          body,
        });
        await response.arrayBuffer();
        if (response.status !== 200 && response.status !== 202) throw new Error(`delivery ${index} answered ${response.status}`);
        acks.push(performance.now() - sent);
      }
    };
    await Promise.all(Array.from({ length: order.concurrency }, sender));
    sendingMs += performance.now() - started;
  };
  console.log(JSON.stringify({ sending: true }));
  const warmAt = order.warmAfter > 0 ? Math.min(order.warmAfter, order.deliveries) : 0;
  if (warmAt > 0) {
    await sendRange(0, warmAt);
    console.log(JSON.stringify({ warm: true }));
    await lines.next();
  }
  await sendRange(warmAt, order.deliveries);
  // A pipe is written asynchronously: exit only once the last line is out.
  await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify({ acks, seconds: sendingMs / 1000 })}\n`, () => resolve()));
}

const order = JSON.parse(process.argv[2] ?? "{}") as SendOrder;
await send(order);
process.exit(0);
