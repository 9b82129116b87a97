/**
 * A page's reads settle into a value or an answer to show; bugs still
 * propagate, and a missing subject becomes Next's 404.
 */
import { describe, expect, test } from "vitest";
import { Invalid, NotFound, Unavailable } from "../errors";
import { settle, valueOr } from "./settle";

const fail = (error: unknown) => () => Promise.reject(error);

describe("settle", () => {
  test("a read that answers settles into its value", async () => {
    expect(await settle(async () => [1, 2])).toEqual({ ok: true, value: [1, 2] });
  });

  test("Unavailable settles into its message and hint", async () => {
    const settled = await settle(fail(new Unavailable("RDS is down.", { hint: "Run `npm start`." })));
    expect(settled).toEqual({ ok: false, message: "RDS is down.", hint: "Run `npm start`." });
    expect(valueOr(settled, "fallback")).toBe("fallback");
  });

  test("other domain errors propagate unless the read settles any of them", async () => {
    const refused = new Invalid("expected a metric name");
    await expect(settle(fail(refused))).rejects.toBe(refused);
    expect(await settle(fail(refused), { settles: "any-domain-error" })).toEqual({
      ok: false,
      message: "expected a metric name",
      hint: undefined,
    });
  });

  test("a bug is never settled, whatever the options", async () => {
    const bug = new TypeError("x is undefined");
    await expect(settle(fail(bug), { settles: "any-domain-error" })).rejects.toBe(bug);
  });

  test("NotFound of the page's own subject becomes Next's 404", async () => {
    const missing = new NotFound("DB instance ghost was not found.");
    const thrown = await settle(fail(missing), { notFoundPage: true }).catch((e: unknown) => e);
    expect((thrown as { digest?: string }).digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    // Without notFoundPage, a NotFound is a section's answer only when any domain error settles.
    expect(await settle(fail(missing), { settles: "any-domain-error" })).toMatchObject({ ok: false });
  });
});
