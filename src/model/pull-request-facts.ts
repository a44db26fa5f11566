/**
 * Plain facts about one pull request: everything the rules need, gathered by
 * the adapters in `src/facts/` and nothing else. Rules read these; they never
 * see Octokit. Times are ISO 8601 strings (UTC, as GitHub sends them).
 */

/** A file changed by the PR, as `GET /repos/{owner}/{repo}/pulls/{n}/files` describes it. */
export interface ChangedFile {
  /** Path after the change, relative to the repository root. */
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  /** Lines added. */
  additions: number;
  /** Lines deleted. */
  deletions: number;
  /** Unified diff hunks; GitHub leaves it out for binary and very large diffs. */
  patch?: string;
  /** Path before a rename. */
  previousFilename?: string;
}

/** An account as GitHub describes it; `type` is `Bot` for apps. */
export interface Actor {
  login: string;
  type: "User" | "Bot" | "Organization" | "Mannequin" | string;
}

/** An open issue carrying the flaky-test label (`flaky.label`). */
export interface FlakyIssue {
  number: number;
  title: string;
  body: string;
  htmlUrl: string;
  /** ISO time the issue was opened. */
  createdAt: string;
  /** ISO time the flaky label was added, when known (else `createdAt` is used). */
  labeledAt?: string;
  assignees: string[];
  labels: string[];
}

/** A moment in a PR's review life (from its timeline). */
export interface ReviewTimelineEvent {
  type: "ready_for_review" | "convert_to_draft" | "review_requested";
  /** ISO time. */
  at: string;
}

/** A submitted review (from the PR's reviews or timeline). */
export interface SubmittedReview {
  author: Actor;
  /**
   * Slugs (`org/team`) of the requested teams this review was made on behalf
   * of (GraphQL `PullRequestReview.onBehalfOf`); read only with
   * `review.require_owner`, absent otherwise.
   */
  onBehalfOf?: string[];
  /** ISO time the review was submitted. */
  submittedAt: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING" | string;
}

/** What the review clock needs: when the PR became ready, draft periods, and reviews. */
export interface ReviewFacts {
  /** True when the PR was opened as a draft (then the first `ready_for_review` starts the clock). */
  createdAsDraft: boolean;
  /** Ready/draft transitions and review requests, oldest first. */
  timeline: ReviewTimelineEvent[];
  /** Submitted reviews, oldest first (any author; the measure filters). */
  reviews: SubmittedReview[];
  /** Logins of people whose review is currently requested. */
  requestedReviewers: string[];
  /** Slugs (`org/team`) of teams whose review is currently requested. */
  requestedTeams: string[];
}

/** A text file read from the repository's default branch, with the path it was found at. */
export interface RepositoryFile {
  /** Repository-relative path, e.g. `.github/CODEOWNERS`. */
  path: string;
  text: string;
}

/**
 * Files of the default branch that change how a PR is judged, read with the
 * repository snapshot (no request of their own). `null`: the repository has
 * none; absent: not read (the rules then act as if there were none).
 */
export interface RepositoryRules {
  /** The CODEOWNERS file GitHub uses: the first of `.github/CODEOWNERS`, `CODEOWNERS`, `docs/CODEOWNERS`. */
  codeOwners?: RepositoryFile | null;
  /** The root `.gitattributes` text (its `linguist-generated` paths are left out of the `size` count). */
  gitAttributes?: string | null;
}

/** Everything known about one pull request when it is evaluated. */
export interface PullRequestFacts extends RepositoryRules {
  owner: string;
  repo: string;
  number: number;
  title: string;
  /** The description; `""` when GitHub sends `null`. */
  body: string;
  author: Actor;
  draft: boolean;
  /** "open" or "closed". */
  state: string;
  /** ISO time the PR was merged, if it was. */
  mergedAt: string | null;
  /** ISO time the PR was closed, if it was. */
  closedAt: string | null;
  labels: string[];
  headSha: string;
  htmlUrl: string;
  /** ISO time the PR was created. */
  createdAt: string;
  files: ChangedFile[];
  /** True when GitHub's 3,000-file cap on the files list was reached. */
  filesTruncated: boolean;
  /** The repository's PR template on its default branch, or `null` when there is none. */
  template: string | null;
  /** Open issues with `flaky.label`, as cached for the repository. */
  flakyIssues: FlakyIssue[];
  /** Review facts, when gathered (the `review` rule skips without them). */
  review?: ReviewFacts;
  /** The instant of evaluation, ISO time (rules never read the clock themselves). */
  now: string;
}
