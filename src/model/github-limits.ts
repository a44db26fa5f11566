/**
 * Size limits of the Checks API, in one place. Sources are GitHub's REST docs,
 * "Create a check run" / "Update a check run"
 * (https://docs.github.com/rest/checks/runs#create-a-check-run).
 */

/**
 * Most a check run's `output.summary` may hold, and likewise `output.text`
 * (each on its own). The docs say "Maximum length: 65535 characters", but
 * GitHub counts bytes for non-ASCII text, so measure with
 * `Buffer.byteLength(s, "utf8")` and stay at or below this many bytes.
 */
export const MAX_OUTPUT_CHARS = 65_535;

/**
 * Annotations per create or update request: "The Checks API limits the number
 * of annotations to a maximum of 50 per API request." More are sent in
 * follow-up updates, which append to the run's annotations.
 */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

/**
 * Most an annotation's `message` may hold: "The maximum size is 64 KB." Kept
 * one byte under 64 KiB, measured in UTF-8 bytes, to be safe either way.
 */
export const MAX_ANNOTATION_MESSAGE_BYTES = 65_535;

/**
 * Most an annotation's `title` may hold: "The maximum size is 255 characters."
 * Measured in UTF-8 bytes, which is never fewer than the characters, so the
 * limit holds however GitHub counts.
 */
export const MAX_ANNOTATION_TITLE_CHARS = 255;

/**
 * Annotations of one kind (error, warning, notice) that GitHub Actions shows
 * per step when a step writes them as workflow commands (`::warning file=…::`);
 * the rest are dropped without a word, and a job shows 50 at most in all
 * (actions/toolkit, `docs/problem-matchers.md`, "Limitations": "10 warning
 * annotations, 10 error annotations, and 10 notice annotations per step",
 * "50 annotations per job").
 */
export const ANNOTATIONS_SHOWN_PER_TYPE = 10;

/**
 * Most one step's job summary (the file at `GITHUB_STEP_SUMMARY`) may hold:
 * "each step is restricted to a maximum size of 1MiB" (GitHub docs,
 * "Workflow commands for GitHub Actions", "Adding a job summary"). Measured in
 * UTF-8 bytes.
 */
export const MAX_STEP_SUMMARY_BYTES = 1024 * 1024;

/**
 * Most a check run's `output.title` holds. GitHub documents no limit for it;
 * this is ours, so a long skip reason (an error message, say) still reads as
 * one line in the pull request's checks list. Measured in UTF-8 bytes.
 */
export const MAX_TITLE_CHARS = 160;

/**
 * Most an issue or comment body may hold: the REST API refuses a longer one
 * with 422 "body is too long (maximum is 65536 characters)". Measured in UTF-8
 * bytes, which are never fewer than characters, so the limit holds however
 * GitHub counts.
 */
export const ISSUE_BODY_MAX_CHARS = 65_536;

/**
 * The largest `per_page` of any REST list endpoint (REST docs, "Using
 * pagination in the REST API": "up to 100 results per page").
 */
export const REST_MAX_PER_PAGE = 100;

/** GraphQL connections take `first`/`last` between 1 and 100 (GraphQL docs, "Using pagination" / node limit). */
export const GRAPHQL_PAGE_SIZE = 100;

/**
 * GitHub lists at most 3,000 files of a pull request
 * (REST docs, "List pull requests files": "Responses include a maximum of 3000 files").
 */
export const MAX_LISTED_FILES = 3_000;

/**
 * GitHub's search returns at most 1,000 results per query, however it is paged
 * (GitHub docs, "About searching on GitHub": "up to 1,000 results for each
 * search"; the GraphQL `search` connection stops there too).
 */
export const SEARCH_RESULT_CAP = 1000;

/**
 * Most an issue title may hold: the REST API refuses a longer one with 422
 * "title is too long (maximum is 256 characters)" ("Create an issue").
 */
export const ISSUE_TITLE_MAX_CHARS = 256;

/**
 * The longest search query GitHub supports: "Queries longer than 256
 * characters are not supported" (GitHub docs, "Troubleshooting search
 * queries", limitations on query length). The REST docs count it without
 * qualifiers, but clients have seen it enforced on the whole text, so the
 * whole text, qualifiers included, is kept within it.
 */
export const SEARCH_QUERY_MAX_CHARS = 256;

/**
 * Nodes one GraphQL call may ask for: "the maximum number of nodes a query
 * can return is 500,000" (GitHub docs, GraphQL "Rate limits and query
 * limits", node limit): each connection's `first` times those above it.
 */
export const GRAPHQL_MAX_NODES = 500_000;

/**
 * Milliseconds between two content-creating requests of one installation:
 * GitHub's secondary rate limits allow "no more than 80 content-generating
 * requests per minute" (GitHub docs, "Rate limits for the REST API",
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api),
 * so 60,000 / 80 = 750 ms.
 */
export const CONTENT_WRITE_SPACING_MS = 750;

/**
 * Largest webhook body GitHub sends: "Payloads are capped at 25 MB"
 * (GitHub docs, "Webhook events and payloads"). A larger body cannot be a
 * real delivery and is refused before it is read.
 */
export const WEBHOOK_PAYLOAD_MAX_BYTES = 25 * 1024 * 1024;
