import { generateKeyPairSync } from "node:crypto";

let cached: string | undefined;

/** A throwaway RSA private key (PEM), generated once per test process; never committed. */
export function testPrivateKey(): string {
  cached ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return cached;
}
