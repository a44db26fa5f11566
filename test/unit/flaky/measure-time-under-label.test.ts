import { describe, expect, it } from "vitest";
import { measureTimeUnderLabel, type LabelTimelineEvent } from "../../../src/flaky/measure-time-under-label.js";

const labeled = (at: string, label = "flaky-test"): LabelTimelineEvent => ({ type: "labeled", label, at });
const unlabeled = (at: string, label = "flaky-test"): LabelTimelineEvent => ({ type: "unlabeled", label, at });
const closed = (at: string): LabelTimelineEvent => ({ type: "closed", at });
const reopened = (at: string): LabelTimelineEvent => ({ type: "reopened", at });

describe("measureTimeUnderLabel", () => {
  it.each<[string, LabelTimelineEvent[], number | null]>([
    ["labelled then closed", [labeled("2026-11-01T09:00:00Z"), closed("2026-11-04T21:00:00Z")], 3.5],
    ["closed the same instant", [labeled("2026-11-01T09:00:00Z"), closed("2026-11-01T09:00:00Z")], 0],
    ["rounded to 1 decimal", [labeled("2026-11-01T00:00:00Z"), closed("2026-11-02T01:00:00Z")], 1],
    [
      "from the first labelling to the first close after it",
      [
        labeled("2026-11-01T00:00:00Z"),
        unlabeled("2026-11-02T00:00:00Z"),
        labeled("2026-11-03T00:00:00Z"),
        closed("2026-11-05T00:00:00Z"),
        reopened("2026-11-06T00:00:00Z"),
        closed("2026-11-09T00:00:00Z"),
      ],
      4,
    ],
    [
      "ignoring a close before the labelling",
      [closed("2026-10-01T00:00:00Z"), reopened("2026-10-02T00:00:00Z"), labeled("2026-10-03T00:00:00Z"), closed("2026-10-10T00:00:00Z")],
      7,
    ],
    ["events out of order", [closed("2026-11-11T00:00:00Z"), labeled("2026-11-01T00:00:00Z")], 10],
    ["the label in another case", [labeled("2026-11-01T00:00:00Z", "Flaky-Test"), closed("2026-11-03T00:00:00Z")], 2],
    ["never labelled", [labeled("2026-11-01T00:00:00Z", "bug"), closed("2026-11-03T00:00:00Z")], null],
    ["labelled, still open", [labeled("2026-11-01T00:00:00Z")], null],
    ["labelled after the close", [closed("2026-11-01T00:00:00Z"), labeled("2026-11-02T00:00:00Z")], null],
    ["no events", [], null],
  ])("%s", (_case, events, days) => {
    expect(measureTimeUnderLabel(events, "flaky-test")).toBe(days);
  });

  it("throws a RangeError naming an unparseable time", () => {
    expect(() => measureTimeUnderLabel([labeled("last tuesday")], "flaky-test")).toThrow(/labeled event.*"last tuesday"/);
  });
});
