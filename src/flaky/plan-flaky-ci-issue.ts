import type { FlakyCiEvidence, FlakyCiKey, FlakyOccurrenceRecord } from "../model/flaky-ci.js";
import { occurrencePair } from "./flaky-ci-marker.js";
import { hasOccurrence, occurrenceCount, recordFlakyOccurrence } from "./record-flaky-occurrence.js";
import { renderFlakyCiBody, renderFlakyCiTitle } from "./render-flaky-ci-issue.js";

/** An issue that already holds evidence for a key, as the lookup found it. */
export interface ExistingFlakyCiIssue {
  number: number;
  /** The issue's web address. */
  htmlUrl: string;
  state: "open" | "closed";
  /** Label names now. */
  labels: string[];
  body: string;
  /** The evidence its marker holds. */
  evidence: FlakyCiEvidence;
}

/** What to write for one key and one occurrence. */
export type FlakyCiIssueChange =
  | { kind: "none" }
  | {
      kind: "create";
      title: string;
      body: string;
      /** `[flaky.label]`, or `[]` for a pending issue. */
      labels: string[];
      /** True for a pending issue: it is closed (as not planned) right after it is created. */
      close: boolean;
      /** True while the issue waits for `min_occurrences` (closed, no label). */
      pending: boolean;
    }
  | {
      kind: "update";
      number: number;
      body: string;
      /** Set when the title changes (a pending issue opening). */
      title?: string;
      /** Set when the state changes: `open` reopens, `closed` closes a pending issue left open. */
      state?: "open" | "closed";
      /** Set when labels change: the issue's labels with `flaky.label` added. */
      labels?: string[];
      /** True while the issue waits for `min_occurrences` (closed, no label). */
      pending: boolean;
    };

/** Inputs of {@link planFlakyCiIssue}. */
export interface PlanInput {
  key: FlakyCiKey;
  /** The test file, when the key is a test and its annotation named one. */
  path?: string;
  /** The key's issue, or null when none was found. */
  existing: ExistingFlakyCiIssue | null;
  record: FlakyOccurrenceRecord;
  flaky: { label: string; min_occurrences: number };
  /** The repository's web address, for links. */
  repoUrl: string;
}

/**
 * Decide the one write an occurrence makes for one key (issue 14), pure:
 *
 * - the pair of runs is already recorded: nothing (a redelivery, or both
 *   runs' events arriving together);
 * - the count is taken from the issue's marker (never from memory), and an
 *   issue that carries the label is never pending, whatever the count;
 * - no issue yet: create it with the label, or, while the occurrences are
 *   fewer than `min_occurrences`, a pending one (no label, closed at once);
 * - a pending issue: add the row; when the count is reached, reopen it with
 *   the label and the full text (GitHub's `labeled` event then brings the
 *   checklist comment, as for any labelled issue);
 * - an issue with the label: add the row, keeping the team's text, and
 *   reopen it when it was closed: the flakiness came back.
 *
 * @returns the change to make
 */
export function planFlakyCiIssue(input: PlanInput): FlakyCiIssueChange {
  const { existing, flaky } = input;
  const base: FlakyCiEvidence = existing?.evidence ?? {
    check: input.key.check,
    ...(input.key.test === undefined ? {} : { test: input.key.test }),
    ...(input.path === undefined ? {} : { path: input.path }),
    occurrences: [],
  };
  if (hasOccurrence(base, occurrencePair(input.record))) return { kind: "none" };
  const { evidence: recorded } = recordFlakyOccurrence(base, input.record);
  const labelled = existing?.labels.some((label) => label.toLowerCase() === flaky.label.toLowerCase()) ?? false;
  // A team that put the label on a pending issue wants it tracked now.
  const pending = !labelled && occurrenceCount(recorded) < flaky.min_occurrences;
  const { pending: _wasPending, ...withoutPending } = recorded;
  const evidence: FlakyCiEvidence = pending ? { ...withoutPending, pending: true } : withoutPending;
  const render = { evidence, repoUrl: input.repoUrl, flaky };

  if (existing === null) {
    return { kind: "create", title: renderFlakyCiTitle(input.key), body: renderFlakyCiBody(render), labels: pending ? [] : [flaky.label], close: pending, pending };
  }
  const wasPending = existing.evidence.pending === true;
  if (pending) {
    return {
      kind: "update",
      number: existing.number,
      body: renderFlakyCiBody(render),
      ...(existing.state === "open" ? { state: "closed" as const } : {}),
      pending,
    };
  }
  return {
    kind: "update",
    number: existing.number,
    body: renderFlakyCiBody(wasPending ? render : { ...render, previousBody: existing.body }),
    ...(wasPending ? { title: renderFlakyCiTitle(input.key) } : {}),
    ...(existing.state === "closed" ? { state: "open" as const } : {}),
    ...(labelled ? {} : { labels: [...existing.labels, flaky.label] }),
    pending,
  };
}
