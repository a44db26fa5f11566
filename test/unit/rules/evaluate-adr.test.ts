import { describe, expect, it } from "vitest";
import type { ChangedFile } from "../../../src/model/pull-request-facts.js";
import { evaluateAdr } from "../../../src/rules/evaluate-adr.js";

const file = (filename: string, status: ChangedFile["status"] = "modified", previousFilename?: string): ChangedFile => ({
  filename,
  status,
  additions: 1,
  deletions: 0,
  ...(previousFilename === undefined ? {} : { previousFilename }),
});

const adr = { paths: ["docs/adr/**"], required_for: ["db/migrations/**", "package.json"] };

describe("evaluateAdr", () => {
  it.each([
    {
      name: "no one-way door",
      files: [file("src/a.ts")],
      body: "",
      doors: [],
      changedAdrs: [],
      linkedAdrs: [],
      satisfied: true,
    },
    {
      name: "a one-way door with an ADR added",
      files: [file("db/migrations/001.sql", "added"), file("docs/adr/0007-x.md", "added")],
      body: "",
      doors: ["db/migrations/001.sql"],
      changedAdrs: ["docs/adr/0007-x.md"],
      linkedAdrs: [],
      satisfied: true,
    },
    {
      name: "a one-way door with an ADR linked",
      files: [file("package.json")],
      body: "Decided in docs/adr/0003-deps.md",
      doors: ["package.json"],
      changedAdrs: [],
      linkedAdrs: ["docs/adr/0003-deps.md"],
      satisfied: true,
    },
    {
      name: "a removed ADR does not count",
      files: [file("package.json"), file("docs/adr/0001-old.md", "removed")],
      body: "",
      doors: ["package.json"],
      changedAdrs: [],
      linkedAdrs: [],
      satisfied: false,
    },
    {
      name: "a removed one-way door counts as touched",
      files: [file("db/migrations/001.sql", "removed")],
      body: "",
      doors: ["db/migrations/001.sql"],
      changedAdrs: [],
      linkedAdrs: [],
      satisfied: false,
    },
    {
      name: "a rename out of a one-way door matches by its old path",
      files: [file("archive/001.sql", "renamed", "db/migrations/001.sql")],
      body: "",
      doors: ["db/migrations/001.sql"],
      changedAdrs: [],
      linkedAdrs: [],
      satisfied: false,
    },
    {
      name: "a link inside an HTML comment does not count",
      files: [file("package.json")],
      body: "<!-- e.g. docs/adr/0000-template.md -->",
      doors: ["package.json"],
      changedAdrs: [],
      linkedAdrs: [],
      satisfied: false,
    },
  ])("$name", ({ files, body, doors, changedAdrs, linkedAdrs, satisfied }) => {
    const result = evaluateAdr({ files, body, template: null }, adr);
    expect(result.oneWayDoors.map((door) => door.matchedPath)).toEqual(doors);
    expect(result).toMatchObject({ changedAdrs, linkedAdrs, satisfied });
  });

  it("does not count a link left untouched from the template", () => {
    const template = "ADR, if any: docs/adr/0000-template.md";
    const result = evaluateAdr({ files: [file("package.json")], body: template, template }, adr);
    expect(result).toMatchObject({ linkedAdrs: [], satisfied: false });
  });

  it("has no one-way doors when required_for is empty", () => {
    const result = evaluateAdr({ files: [file("db/migrations/001.sql")], body: "", template: null }, { ...adr, required_for: [] });
    expect(result).toEqual({ oneWayDoors: [], changedAdrs: [], linkedAdrs: [], satisfied: true });
  });

  it("keeps the file as GitHub lists it beside the matched path", () => {
    const renamed = file("archive/001.sql", "renamed", "db/migrations/001.sql");
    expect(evaluateAdr({ files: [renamed], body: "", template: null }, adr).oneWayDoors).toEqual([
      { file: renamed, matchedPath: "db/migrations/001.sql" },
    ]);
  });
});
