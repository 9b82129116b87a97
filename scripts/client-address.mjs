// The client's address, for sign-in throttling and the audit trail. Directly
// exposed (RDSDECK_TRUSTED_PROXY_HOPS=0, the default) it is the socket's peer,
// and X-Forwarded-For is ignored: anyone can send one. Behind N proxies of
// your own, each appending the address it received from, the client is the
// Nth entry from the right; entries further left are whatever the client
// claimed. Without this setting, behind a proxy every client is the proxy.

/**
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} trustedHops
 * @returns {string}
 */
export function clientAddress(socketAddress, forwardedFor, trustedHops) {
  const peer = socketAddress ?? "";
  if (trustedHops <= 0 || forwardedFor === undefined) return peer;
  const hops = [forwardedFor]
    .flat()
    .join(",")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  // Fewer entries than trusted proxies: the request did not come through them all; trust only the socket.
  return hops.length >= trustedHops ? (hops[hops.length - trustedHops] ?? peer) : peer;
}
