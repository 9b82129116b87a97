/**
 * The security headers of every response: pages get a per-request nonce CSP
 * from proxy.ts; API responses (fast path and route files) a CSP that allows
 * nothing, since they are JSON. HSTS only where the dashboard is served over
 * https or beyond loopback (RDSDECK_URL), never on plain-http localhost, where
 * it would pin the browser to https for a host that has none.
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function servedSecurely(env: Record<string, string | undefined> = process.env): boolean {
  const raw = env.RDSDECK_URL;
  if (!raw || !URL.canParse(raw)) return false;
  const url = new URL(raw);
  return url.protocol === "https:" || !LOOPBACK.has(url.hostname);
}

const HSTS = "max-age=63072000; includeSubDomains";

export function baseSecurityHeaders(secure: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "cross-origin-opener-policy": "same-origin",
  };
  if (secure) headers["strict-transport-security"] = HSTS;
  return headers;
}

export function apiSecurityHeaders(secure: boolean): Record<string, string> {
  return { ...baseSecurityHeaders(secure), "content-security-policy": "default-src 'none'; frame-ancestors 'none'" };
}

/**
 * The pages' policy. Scripts only from this origin with this response's
 * nonce (Next puts it on its own inline scripts); styles allow inline
 * attributes, which charts and Tailwind's runtime-free output use.
 */
export function pageCsp(nonce: string, opts: { dev: boolean; secure: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.secure ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
