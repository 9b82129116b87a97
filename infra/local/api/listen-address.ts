import { isIP } from "node:net";

/**
 * Whether an address to listen on keeps the API on this machine. The endpoint
 * knows one static key, printed by `npm run fleet:env`: anything wider than
 * loopback hands the fleet to whoever can reach the port.
 */
export function isLoopbackHost(host: string): boolean {
  if (host === "localhost" || host === "::1") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  // IPv4-mapped IPv6 loopback (::ffff:127.x.x.x) is loopback too.
  return /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(host);
}

/**
 * The host a client on this machine should use for a server bound to
 * `address`: a wildcard bind (0.0.0.0, ::) is no address to connect to, its
 * loopback is.
 */
export function connectableHost(address: string, family: string): string {
  if (address === "0.0.0.0") return "127.0.0.1";
  if (address === "::") return "[::1]";
  return family === "IPv6" ? `[${address}]` : address;
}
