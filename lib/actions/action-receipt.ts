/**
 * What the page needs to follow an action it started: the status RDS
 * answered with, when (server clock) it was asked, and when RDS answered — a
 * render after that moment shows the action's effect.
 */
export type ActionReceipt = {
  identifier: string;
  status: string;
  requestedAt: string;
  answeredAt: string;
  /** The answer in words, for a form that shows it beside itself rather than following the instance. */
  message?: string;
};
