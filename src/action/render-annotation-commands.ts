import type { ApiAnnotation } from "../model/check-run.js";
import { ANNOTATIONS_SHOWN_PER_TYPE } from "../model/github-limits.js";
import { workflowCommand, type WorkflowCommandName } from "./workflow-command.js";

/** The workflow command for each Checks API annotation level. */
const COMMAND_FOR_LEVEL: Record<ApiAnnotation["annotation_level"], WorkflowCommandName> = {
  failure: "error",
  warning: "warning",
  notice: "notice",
};

/** What {@link renderAnnotationCommands} returns. */
export interface AnnotationCommands {
  /** Workflow command lines, in the annotations' order, at most `perType` of each kind. */
  commands: string[];
  /** The annotations GitHub would not show as commands, in their order: they go to the job summary. */
  rest: ApiAnnotation[];
}

/**
 * A check run's annotations as workflow commands, for when the check run
 * cannot be written (a read-only token, as on a pull request from a fork):
 * `failure` becomes `::error`, `warning` `::warning` and `notice` `::notice`,
 * each with `file`, `line`, `endLine` and `title`. GitHub shows only
 * {@link ANNOTATIONS_SHOWN_PER_TYPE} of each kind per step and drops the rest
 * silently, so only that many of each are rendered and the others are
 * returned for the job summary. Pure.
 *
 * @param annotations in the Checks API's shape, in the run's order
 * @param perType commands of one kind at most (GitHub's per-step limit by default)
 * @returns the command lines and the annotations left over
 */
export function renderAnnotationCommands(
  annotations: readonly ApiAnnotation[],
  perType: number = ANNOTATIONS_SHOWN_PER_TYPE,
): AnnotationCommands {
  const used = new Map<WorkflowCommandName, number>();
  const commands: string[] = [];
  const rest: ApiAnnotation[] = [];
  for (const annotation of annotations) {
    const name = COMMAND_FOR_LEVEL[annotation.annotation_level];
    const count = used.get(name) ?? 0;
    if (count >= perType) {
      rest.push(annotation);
      continue;
    }
    used.set(name, count + 1);
    commands.push(
      workflowCommand(
        name,
        {
          file: annotation.path,
          line: annotation.start_line,
          endLine: annotation.end_line === annotation.start_line ? undefined : annotation.end_line,
          title: annotation.title,
        },
        annotation.message,
      ),
    );
  }
  return { commands, rest };
}
