/**
 * A second (and third) app process for the sign-in race test: makes
 * SIGN_IN_ATTEMPTS wrong-password attempts on SIGN_IN_EMAIL at once, through
 * the same code the sign-in form runs, and prints each answer as one JSON line.
 * Run with `node --import tsx --import test-support/server-only-outside-next.mjs`.
 */
import { closeStore } from "../../store/store-db";
import { attemptSignIn } from "../sign-in-attempt";
import { closeSignInLocks } from "../sign-in-lock";

const email = process.env.SIGN_IN_EMAIL ?? "";
const attempts = Number(process.env.SIGN_IN_ATTEMPTS ?? 0);
const worker = process.env.SIGN_IN_WORKER ?? "worker";

const results = await Promise.all(
  Array.from({ length: attempts }, (_, i) =>
    attemptSignIn(
      { email, password: `wrong-${worker}-${i}`, requestId: `${worker}-${i}`, ipAddress: `10.66.0.${i % 8}` },
      async () => {
        throw new Error("a wrong password must never open a session");
      },
    ),
  ),
);
for (const result of results) process.stdout.write(`${JSON.stringify(result)}\n`);
await closeSignInLocks();
await closeStore();
