import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

/**
 * The image cannot be built here (no Docker engine, no registry for base
 * images), so its settings are read from the Dockerfile: what makes a
 * container reachable, healthy and safe.
 */
const dockerfile = readFileSync(new URL("../../../Dockerfile", import.meta.url), "utf8");
const lines = dockerfile.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("#"));
const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

describe("the Dockerfile", () => {
  it("builds on a current Node.js LTS and needs no frontend image", () => {
    const bases = lines.filter((line) => line.startsWith("FROM ")).map((line) => line.split(/\s+/)[1]);
    expect(bases).toEqual(["node:24-slim", "node:24-slim"]);
    expect(dockerfile).not.toMatch(/^# syntax=/m);
  });

  it("listens on every interface, in production mode, and runs as the unprivileged node user", () => {
    expect(runtime).toMatch(/ENV NODE_ENV=production \\\n\s+HOST=0\.0\.0\.0 \\\n\s+PORT=3000/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^CMD \["node", "lib\/main\.js"\]$/m);
  });

  it("checks health on Probot's /ping", () => {
    expect(runtime).toMatch(/^HEALTHCHECK .*\n\s+CMD \["node", "-e", ".*\/ping.*"\]$/m);
  });

  it("ships the compiled app and production dependencies only", () => {
    const copies = runtime.split("\n").filter((line) => line.startsWith("COPY"));
    expect(copies).toEqual(["COPY package.json package-lock.json ./", "COPY --from=build /app/lib ./lib", "COPY app.yml ./"]);
    expect(runtime).toContain("npm ci --omit=dev");
    const ignored = readFileSync(new URL("../../../.dockerignore", import.meta.url), "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining([".env", "*.pem", "test", "bench", "tools", "node_modules"]));
  });
});

describe("docker-compose.yml", () => {
  it("runs the app from its env file, reachable on port 3000", () => {
    const compose = parseYaml(readFileSync(new URL("../../../docker-compose.yml", import.meta.url), "utf8")) as {
      services: Record<string, { build?: string; env_file?: string; ports?: string[]; environment?: Record<string, string> }>;
    };
    expect(compose.services.app).toMatchObject({ build: ".", env_file: ".env", ports: ["3000:3000"], environment: { HOST: "0.0.0.0" } });
    expect(compose.services.app).not.toHaveProperty("profiles");
  });

  it("with --profile scaled runs two replicas on one Redis behind one port", () => {
    const compose = parseYaml(readFileSync(new URL("../../../docker-compose.yml", import.meta.url), "utf8")) as {
      services: Record<string, { profiles?: string[]; environment?: Record<string, string>; deploy?: { replicas?: number }; image?: string }>;
    };
    expect(compose.services.redis?.profiles).toEqual(["scaled"]);
    expect(compose.services.redis?.image).toMatch(/^redis:/);
    expect(compose.services.replica).toMatchObject({ profiles: ["scaled"], deploy: { replicas: 2 }, environment: { REDIS_URL: "redis://redis:6379", HOST: "0.0.0.0" } });
    expect(compose.services.balancer?.profiles).toEqual(["scaled"]);
  });
});
