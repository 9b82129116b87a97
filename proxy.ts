/**
 * Runs before every page request: a request without a session cookie is sent
 * to the sign-in page at once. This is only a shortcut — a cookie may be
 * stale or forged — so every page, server action and route checks the
 * session and the role itself (lib/auth/require-role.ts, validatedAction,
 * guardedRoute). The users API and /health never come here: the node:http
 * fast path serves them, and checks API keys itself.
 */
import { type NextRequest, NextResponse } from "next/server";

const SESSION_COOKIES = ["rdsdeck.session_token", "__Secure-rdsdeck.session_token"];

export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn) {
    const url = request.nextUrl.clone();
    const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    url.pathname = "/sign-in";
    url.search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  // Everything but the sign-in page, the API and health (own checks), and static assets.
  matcher: ["/((?!sign-in|api/|health|_next/static|_next/image|favicon\\.ico).*)"],
};
