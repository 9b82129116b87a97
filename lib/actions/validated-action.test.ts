import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Conflict } from "@/lib/errors";
import { log } from "@/lib/log";
import { validatedAction } from "./validated-action";

beforeAll(() => {
  vi.stubEnv("RDSDECK_MODE", "aws");
  vi.stubEnv("RDSDECK_LOG_LEVEL", "silent");
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

const schema = z.object({ identifier: z.string().regex(/^[a-z-]+$/, "expected a DB instance identifier") });

describe("validatedAction", () => {
  it("parses the form, acts, and answers ok with the result", async () => {
    const act = vi.fn(async ({ identifier }: { identifier: string }) => `rebooted ${identifier}`);
    const action = validatedAction("reboot", schema, act);
    expect(await action(undefined, form({ identifier: "app", $ACTION_ID_abc: "" }))).toEqual({
      ok: true,
      result: "rebooted app",
    });
    expect(act).toHaveBeenCalledWith({ identifier: "app" });
  });

  it("refuses invalid input without acting, naming each problem", async () => {
    const act = vi.fn(async () => "never");
    const state = await validatedAction("reboot", schema, act)(undefined, form({ identifier: "../etc" }));
    expect(state).toEqual({
      ok: false,
      error: "Nothing was done: expected a DB instance identifier.",
      details: [{ field: "identifier", message: "expected a DB instance identifier" }],
    });
    expect(act).not.toHaveBeenCalled();
  });

  it("shows a domain error's message and hint as they are", async () => {
    const action = validatedAction("reboot", schema, async () => {
      throw new Conflict("RebootDBInstance was refused for DB instance app: busy.", { hint: "Wait." });
    });
    expect(await action(undefined, form({ identifier: "app" }))).toEqual({
      ok: false,
      error: "RebootDBInstance was refused for DB instance app: busy.",
      hint: "Wait.",
    });
  });

  it("never shows an unknown error's own message: it is logged with the action's context", async () => {
    const logged = vi.spyOn(log(), "error");
    const secret = new Error("connect ECONNREFUSED postgres://admin:hunter2@10.0.0.5");
    const action = validatedAction("reboot", schema, async () => {
      throw secret;
    });
    const state = await action(undefined, form({ identifier: "app" }));
    expect(state).toEqual({ ok: false, error: "The action failed unexpectedly. The server log has the details." });
    expect(logged).toHaveBeenCalledWith(
      { err: secret, action: "reboot", input: { identifier: "app" } },
      "action failed: internal error",
    );
  });
});
