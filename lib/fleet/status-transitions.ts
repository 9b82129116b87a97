/**
 * The statuses an instance page shows for the action it started ("available
 * → rebooting → available"), in order, without repeats, at most the last 8.
 */

export type RequestSeen = {
  /** The status on screen when the action was confirmed. */
  before: string;
  /** The status RDS answered the request with, and when (server clock) it answered. */
  answered: string;
  answeredAt: string;
  /** The status on screen now, and when (server clock) that render read it. */
  status: string;
  renderedAt: string;
};

const KEPT = 8;

/**
 * The list a request starts: the status before it, what RDS answered, and
 * the status on screen if it was read after that answer. The page may have
 * re-rendered with the action's outcome before it learns the request was
 * accepted (the answer and a refresh race); a status read before the answer
 * says nothing about the action and is left out.
 */
export function transitionsAtRequest({ before, answered, answeredAt, status, renderedAt }: RequestSeen): string[] {
  const readAfterAnswer = Date.parse(renderedAt) >= Date.parse(answeredAt);
  return dedupe([before, answered, ...(readAfterAnswer ? [status] : [])]);
}

/** The list with a newly rendered status added, unless it is the same as the last one. */
export function withStatus(list: readonly string[], status: string): string[] {
  return list.at(-1) === status ? [...list] : [...list, status].slice(-KEPT);
}

const dedupe = (list: string[]) => list.filter((s, i) => i === 0 || s !== list[i - 1]);
