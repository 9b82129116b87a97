/** How an endpoint is named in /health and in logs: host:port, never the user or password in its URL. */
export function endpointLabel(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || "5432"}`;
}
