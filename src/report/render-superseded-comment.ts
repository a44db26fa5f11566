/**
 * The comment left on the previous report when it is closed.
 *
 * @param number the new report's issue number
 * @param title the new report's title
 */
export function renderSupersededComment(number: number, title: string): string {
  return `The next report is out: #${number} (${title}). Closing this one so the latest figures are easy to find; the trend carries on there.`;
}

