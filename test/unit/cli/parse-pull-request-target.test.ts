import { describe, expect, it } from "vitest";
import { parsePullRequestTarget } from "../../../src/cli/parse-pull-request-target.js";

describe("parsePullRequestTarget", () => {
  it.each([
    ["acme/widgets#7", { owner: "acme", repo: "widgets", number: 7, host: null }],
    ["Codertocat/Hello-World#2", { owner: "Codertocat", repo: "Hello-World", number: 2, host: null }],
    ["https://github.com/acme/widgets/pull/7", { owner: "acme", repo: "widgets", number: 7, host: "github.com" }],
    ["https://github.com/acme/widgets/pull/7/files", { owner: "acme", repo: "widgets", number: 7, host: "github.com" }],
    ["https://github.com/acme/widgets/pull/7/", { owner: "acme", repo: "widgets", number: 7, host: "github.com" }],
    ["https://github.com/acme/widgets/pull/7#issuecomment-1", { owner: "acme", repo: "widgets", number: 7, host: "github.com" }],
    ["https://GitHub.com/acme/my.repo_2/pull/12?w=1", { owner: "acme", repo: "my.repo_2", number: 12, host: "github.com" }],
    ["https://ghe.example.com/acme/widgets/pull/31", { owner: "acme", repo: "widgets", number: 31, host: "ghe.example.com" }],
    ["http://127.0.0.1:8080/acme/widgets/pull/1", { owner: "acme", repo: "widgets", number: 1, host: "127.0.0.1" }],
  ])("reads %s", (text, expected) => {
    expect(parsePullRequestTarget(text)).toEqual(expected);
  });

  it.each([
    "acme/widgets",
    "acme/widgets#",
    "acme/widgets#0",
    "acme/widgets#7x",
    "acme#7",
    "-acme/widgets#7",
    "https://github.com/acme/widgets",
    "https://github.com/acme/widgets/issues/7",
    "https://github.com/acme/widgets/pull/",
    "https://github.com/acme/widgets/pull/seven",
    "github.com/acme/widgets/pull/7",
    "ftp://github.com/acme/widgets/pull/7",
    "https://github.com/acme/widgets/pull/99999999999999999999",
  ])("refuses %s", (text) => {
    expect(parsePullRequestTarget(text)).toBeNull();
  });
});
