/**
 * Runs before every page request. It gives each response its Content-Security-
 * Policy with a fresh nonce (Next reads it from the request and puts it on its
 * own scripts) and the other security headers; and it sends a request without
 * a session cookie to the sign-in page at once. That redirect is only a
 * shortcut — a cookie may be stale or forged — so every page, server action
 * and route checks the session and role itself (requireRole, validatedAction,
 * guardedRoute). The users API and /health never come here: the node:http
 * fast path serves them, with its own key check and headers.
 */
import { type NextRequest, NextResponse } from "next/server";
import { baseSecurityHeaders, pageCsp, servedSecurely } from "./lib/http/security-headers";

const SESSION_COOKIES = ["rdsdeck.session_token", "__Secure-rdsdeck.session_token"];
const secure = servedSecurely();
const dev = process.env.NODE_ENV === "development";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp(nonce, { dev, secure });
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (!signedIn && request.nextUrl.pathname !== "/sign-in") {
    const url = request.nextUrl.clone();
    const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    url.pathname = "/sign-in";
    url.search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    headers.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders(secure))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every page, the sign-in page included; not the API and health (own checks and headers), nor static assets.
  matcher: ["/((?!api/|health|_next/static|_next/image|favicon\\.ico).*)"],
};
