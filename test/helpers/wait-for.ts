/**
 * Poll `condition` every 20 ms until it holds.
 *
 * @throws Error naming `what` after `timeoutMs` milliseconds
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "the condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
