/**
 * Where to go after signing in. `next` comes from the query string, so it is
 * resolved the way a browser would (the URL parser drops tabs and newlines,
 * reads a backslash as a slash, collapses dot segments) against the
 * dashboard's own origin, and only its path and query are kept. Anything that
 * lands on another origin, or on a path a browser would read as
 * protocol-relative ("//host"), goes to "/".
 */
const OWN_ORIGIN = "http://rdsdeck.invalid";

export function safeNext(next: string | undefined): string {
  if (!next?.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, OWN_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== OWN_ORIGIN || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}`;
}
