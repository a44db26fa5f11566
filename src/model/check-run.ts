/**
 * A check run as eng-health writes it, in the Checks API's REST shape
 * (docs: "Create a check run", https://docs.github.com/rest/checks/runs#create-a-check-run).
 */

/** Check run conclusions eng-health uses (a subset of the Checks API's). */
export type Conclusion = "success" | "neutral" | "failure" | "action_required";

/** An annotation in the Checks API's REST shape (`output.annotations[]`). */
export interface ApiAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

/**
 * A check run's `output`, with every annotation; the publisher sends them in
 * batches of 50 (`batchAnnotations`).
 */
export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations: ApiAnnotation[];
}
