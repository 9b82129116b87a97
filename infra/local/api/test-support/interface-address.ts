import os from "node:os";

/**
 * An address of this machine that is not loopback (an IPv4 one preferably,
 * never link-local IPv6, which needs a zone to connect to): where a server
 * bound to loopback must not answer. Undefined on a machine with only `lo`.
 */
export function nonLoopbackAddress(): string | undefined {
  const addresses = Object.values(os.networkInterfaces()).flatMap((list) => list ?? []);
  const external = addresses.filter((a) => !a.internal && !a.address.toLowerCase().startsWith("fe80:"));
  return (external.find((a) => a.family === "IPv4") ?? external[0])?.address;
}

/** The address as it goes into a URL. */
export function urlHost(address: string): string {
  return address.includes(":") ? `[${address}]` : address;
}

/** Resolves to the connection error's code, or "connected" when something answered. */
export async function tryConnect(url: string): Promise<string> {
  try {
    await fetch(url, { method: "POST", signal: AbortSignal.timeout(5_000) });
    return "connected";
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code) return cause.code;
    throw error;
  }
}
