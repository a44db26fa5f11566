import nock from "nock";
import { afterEach, beforeAll } from "vitest";

// No test may reach the network: every GitHub call is mocked with nock or
// served by a local stand-in on 127.0.0.1.
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

afterEach(() => {
  nock.cleanAll();
});
