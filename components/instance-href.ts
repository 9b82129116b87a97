/** The instance page's address; identifiers are URL-safe, but encoding keeps a malformed one from breaking the link. */
export const instanceHref = (identifier: string) => `/instances/${encodeURIComponent(identifier)}`;

/** The query by which the page of an instance just created learns its default alarms could not be made. */
export const ALARMS_NOT_CREATED = { alarms: "not-created" } as const;

/** The page of an instance just created, saying so when its default alarms could not be made. */
export const newInstanceHref = (identifier: string, o: { alarmsCreated: boolean }) =>
  o.alarmsCreated ? instanceHref(identifier) : `${instanceHref(identifier)}?${new URLSearchParams(ALARMS_NOT_CREATED)}`;
