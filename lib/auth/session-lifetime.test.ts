/** A session's absolute lifetime, against a real store and better-auth's own sign-in and session reads. */
import { beforeAll, describe, expect, test } from "vitest";
import { createDashboardUser } from "../dashboard-users/create-dashboard-user";
import { storeForThisFile } from "../test-support/store-fixture";
import { getAuth } from "./auth";
import { actorOfRequest } from "./current-actor";

const store = storeForThisFile({ RDSDECK_SESSION_HOURS: "2" });
const EMAIL = "lifetime@example.com";
const PASSWORD = "lifetime-password-01";

/** Signs in as better-auth does for the sign-in form; the request headers that carry its session cookie. */
async function signedIn(): Promise<{ headers: Headers; token: string }> {
  const { headers } = await getAuth().api.signInEmail({
    body: { email: EMAIL, password: PASSWORD },
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const token = /session_token=([^.;]+)/.exec(cookie)?.[1];
  if (!token) throw new Error("sign-in set no session cookie");
  return { headers: new Headers({ cookie }), token };
}

type SessionRow = { created_at: Date; expires_at: Date };
const sessionRow = async (token: string) =>
  (
    await store().query<SessionRow>("select created_at, expires_at from dashboard_sessions where token = $1", [token])
  )[0];

describe("sessions", () => {
  beforeAll(async () => {
    await createDashboardUser({ email: EMAIL, name: "Lifetime", role: "viewer", password: PASSWORD });
  });

  test("expire RDSDECK_SESSION_HOURS after sign-in", async () => {
    const { headers, token } = await signedIn();
    expect(await actorOfRequest(headers)).toMatchObject({ email: EMAIL, role: "viewer", mustChangePassword: false });
    const row = await sessionRow(token);
    expect(row && row.expires_at.getTime() - row.created_at.getTime()).toBeCloseTo(2 * 3_600_000, -4);
  });

  test("are never extended by use: a session in its last minutes keeps its end", async () => {
    const { headers, token } = await signedIn();
    await store().queryAsOwner(
      "update dashboard_sessions set created_at = now() - interval '110 minutes', expires_at = now() + interval '10 minutes' where token = $1",
      [token],
    );
    const before = await sessionRow(token);
    expect(await actorOfRequest(headers)).toMatchObject({ email: EMAIL });
    expect((await sessionRow(token))?.expires_at).toEqual(before?.expires_at);
  });

  test("older than the lifetime is no session, whatever its expiry says (one extended before the upgrade)", async () => {
    const { headers, token } = await signedIn();
    await store().queryAsOwner(
      "update dashboard_sessions set created_at = now() - interval '3 hours', expires_at = now() + interval '9 hours' where token = $1",
      [token],
    );
    expect(await actorOfRequest(headers)).toBeUndefined();
  });

  test("past its expiry is no session", async () => {
    const { headers, token } = await signedIn();
    await store().queryAsOwner(
      "update dashboard_sessions set expires_at = now() - interval '1 second' where token = $1",
      [token],
    );
    expect(await actorOfRequest(headers)).toBeUndefined();
  });
});
