/** The instance page's address; identifiers are URL-safe, but encoding keeps a malformed one from breaking the link. */
export const instanceHref = (identifier: string) => `/instances/${encodeURIComponent(identifier)}`;
