/** What the page needs to follow an action it started: the status RDS answered with, and when (server clock) it was asked. */
export type ActionReceipt = { identifier: string; status: string; requestedAt: string };
