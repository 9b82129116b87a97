import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/current-actor";
import { Conflict } from "@/lib/errors";
import { log } from "@/lib/log";
import { storeForThisFile } from "@/lib/test-support/store-fixture";
import { validatedAction } from "./validated-action";

const session = vi.hoisted(() => ({ actor: undefined as Actor | undefined, ipAddress: "127.0.0.1" }));
vi.mock("@/lib/auth/current-actor", () => ({
  currentActor: async () => session.actor,
  requestContext: async () => ({ requestId: "req-test-1", ipAddress: session.ipAddress }),
}));

const operator: Actor = {
  id: "u-op",
  email: "op@example.com",
  name: "Op",
  role: "operator",
  sessionId: "s1",
  mustChangePassword: false,
};
const viewer: Actor = {
  id: "u-view",
  email: "view@example.com",
  name: "View",
  role: "viewer",
  sessionId: "s2",
  mustChangePassword: false,
};

const store = storeForThisFile({ __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" });
beforeEach(() => {
  session.actor = operator;
  session.ipAddress = "127.0.0.1";
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

const schema = z.object({ identifier: z.string().regex(/^[a-z-]+$/, "expected a DB instance identifier") });
const spec = {
  action: "reboot" as const,
  schema,
  target: (i: { identifier: string }) => i.identifier,
};

type Row = {
  actor: string;
  actor_role: string | null;
  action: string;
  target: string | null;
  outcome: string;
  error: string | null;
  parameters: unknown;
  request_id: string;
};
const lastEntry = async () => (await store().query<Row>("select * from audit_entries order by id desc limit 1"))[0];

describe("validatedAction", () => {
  it("parses the form, acts, audits, and answers ok with the result", async () => {
    const act = vi.fn(async ({ identifier }: { identifier: string }) => `rebooted ${identifier}`);
    const action = validatedAction(spec, act);
    expect(await action(undefined, form({ identifier: "app", $ACTION_ID_abc: "" }))).toEqual({
      ok: true,
      result: "rebooted app",
    });
    expect(act).toHaveBeenCalledWith({ identifier: "app" }, { actor: operator, requestId: "req-test-1" });
    expect(await lastEntry()).toMatchObject({
      actor: "op@example.com",
      actor_role: "operator",
      action: "reboot",
      target: "app",
      outcome: "ok",
      error: null,
      parameters: { identifier: "app" },
      request_id: "req-test-1",
    });
  });

  it("records the attempt before acting: the action runs with its 'requested' entry already written", async () => {
    let seenByAct: Row | undefined;
    const action = validatedAction(spec, async () => {
      seenByAct = await lastEntry();
      return "done";
    });
    expect(await action(undefined, form({ identifier: "first" }))).toEqual({ ok: true, result: "done" });
    expect(seenByAct).toMatchObject({
      action: "reboot",
      target: "first",
      outcome: "requested",
      actor: "op@example.com",
    });
    expect(await lastEntry()).toMatchObject({ target: "first", outcome: "ok" });
  });

  it("does not act when the attempt cannot be recorded", async () => {
    const act = vi.fn(async () => "never");
    await store().queryAsOwner("revoke insert on audit_entries from rdsdeck");
    try {
      expect(await validatedAction(spec, act)(undefined, form({ identifier: "unheard" }))).toMatchObject({
        ok: false,
        error: "Nothing was done: reboot could not be recorded in the audit trail.",
      });
    } finally {
      await store().queryAsOwner("grant insert on audit_entries to rdsdeck");
    }
    expect(act).not.toHaveBeenCalled();
  });

  it("refuses a role below the action's with Next's 403, without acting, and audits the attempt", async () => {
    session.actor = viewer;
    const act = vi.fn(async () => "never");
    await expect(validatedAction(spec, act)(undefined, form({ identifier: "app" }))).rejects.toMatchObject({
      digest: "NEXT_HTTP_ERROR_FALLBACK;403",
    });
    expect(act).not.toHaveBeenCalled();
    expect(await lastEntry()).toMatchObject({
      actor: "view@example.com",
      actor_role: "viewer",
      action: "reboot",
      outcome: "denied",
      error: "needs the operator role",
    });
  });

  it("refuses a request without a session (401), and audits it", async () => {
    session.actor = undefined;
    const act = vi.fn(async () => "never");
    expect(await validatedAction(spec, act)(undefined, form({ identifier: "app" }))).toEqual({
      ok: false,
      status: 401,
      error: "Your session has ended. Sign in again.",
    });
    expect(act).not.toHaveBeenCalled();
    expect(await lastEntry()).toMatchObject({ actor: "anonymous", outcome: "denied", error: "not signed in" });
  });

  it("keeps only the field names of a form sent without a session, however large its values", async () => {
    session.actor = undefined;
    session.ipAddress = "198.51.100.1";
    const big = "x".repeat(100_000);
    await validatedAction(spec, async () => "never")(undefined, form({ identifier: big, note: big, $ACTION_ID_1: "" }));
    const entry = await lastEntry();
    expect(entry).toMatchObject({
      actor: "anonymous",
      outcome: "denied",
      parameters: { fields: ["identifier", "note"] },
    });
    expect(JSON.stringify(entry)).not.toContain("xxxx");
  });

  it("records at most 20 anonymous refusals an hour per address; other addresses and signed-in users still are", async () => {
    session.actor = undefined;
    session.ipAddress = "198.51.100.2";
    const count = async (ip: string) =>
      (
        await store().query<{ n: number }>(
          "select count(*)::int as n from audit_entries where actor = 'anonymous' and ip_address = $1",
          [ip],
        )
      )[0]?.n;
    const action = validatedAction(spec, async () => "never");
    const answers = await Promise.all(Array.from({ length: 30 }, () => action(undefined, form({ identifier: "a" }))));
    // Every one of them is refused; only the first 20 are written.
    expect(answers.every((a) => a?.ok === false && a.status === 401)).toBe(true);
    expect(await count("198.51.100.2")).toBe(20);
    session.ipAddress = "198.51.100.3";
    await action(undefined, form({ identifier: "a" }));
    expect(await count("198.51.100.3")).toBe(1);
    session.actor = operator;
    session.ipAddress = "198.51.100.2";
    await action(undefined, form({ identifier: "signed-in" }));
    expect(await lastEntry()).toMatchObject({ actor: "op@example.com", target: "signed-in", outcome: "ok" });
  });

  it("refuses every action but the password change to a user who must choose a new password, and audits it", async () => {
    session.actor = { ...operator, mustChangePassword: true };
    const act = vi.fn(async () => "never");
    expect(await validatedAction(spec, act)(undefined, form({ identifier: "app" }))).toMatchObject({
      ok: false,
      error: "Nothing was done: choose a new password under Account first.",
    });
    expect(act).not.toHaveBeenCalled();
    expect(await lastEntry()).toMatchObject({
      actor: "op@example.com",
      action: "reboot",
      outcome: "denied",
      error: "a new password must be set first",
      parameters: { fields: ["identifier"] },
    });
    const change = validatedAction({ ...spec, action: "change-own-password", beforePasswordChange: true }, act);
    expect(await change(undefined, form({ identifier: "app" }))).toMatchObject({ ok: true });
  });

  it("refuses invalid input without acting, naming each problem, and audits it", async () => {
    const act = vi.fn(async () => "never");
    const state = await validatedAction(spec, act)(undefined, form({ identifier: "../etc" }));
    expect(state).toEqual({
      ok: false,
      error: "Nothing was done: expected a DB instance identifier.",
      details: [{ field: "identifier", message: "expected a DB instance identifier" }],
    });
    expect(act).not.toHaveBeenCalled();
    expect(await lastEntry()).toMatchObject({ outcome: "invalid", parameters: { identifier: "../etc" } });
  });

  it("shows a domain error's message and hint as they are, and audits the failure", async () => {
    const action = validatedAction(spec, async () => {
      throw new Conflict("RebootDBInstance was refused for DB instance app: busy.", { hint: "Wait." });
    });
    expect(await action(undefined, form({ identifier: "app" }))).toEqual({
      ok: false,
      error: "RebootDBInstance was refused for DB instance app: busy.",
      hint: "Wait.",
    });
    expect(await lastEntry()).toMatchObject({
      outcome: "failed",
      error: "RebootDBInstance was refused for DB instance app: busy.",
    });
  });

  it("never shows an unknown error's own message: it is logged with the action's context", async () => {
    const logged = vi.spyOn(log(), "error");
    const secret = new Error("connect ECONNREFUSED postgres://admin:hunter2@10.0.0.5");
    const action = validatedAction(spec, async () => {
      throw secret;
    });
    const state = await action(undefined, form({ identifier: "app" }));
    expect(state).toEqual({ ok: false, error: "The action failed unexpectedly. The server log has the details." });
    expect(logged).toHaveBeenCalledWith(
      { err: secret, action: "reboot", requestId: "req-test-1" },
      "action failed: internal error",
    );
    const entry = await lastEntry();
    expect(entry).toMatchObject({ outcome: "failed", error: "internal error" });
    expect(JSON.stringify(entry)).not.toContain("hunter2");
  });

  it("keeps no secret a form carried in the audit trail", async () => {
    const withPassword = z.object({ email: z.string(), password: z.string() });
    await validatedAction({ action: "reboot", schema: withPassword }, async () => "ok")(
      undefined,
      form({ email: "new@example.com", password: "correct horse battery staple" }),
    );
    expect(await lastEntry()).toMatchObject({ parameters: { email: "new@example.com", password: "[redacted]" } });
  });
});
