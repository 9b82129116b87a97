/** Types of client-address.mjs (plain JavaScript: app-server.mjs runs it without a build). */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string;
