import { expect, test } from "@playwright/test";
import { E2E_USERS } from "./auth-files";
import { postmasterPid } from "./local-fleet-files";
import { SignInPage } from "./sign-in-page";

// The writer's physical node (infra/local): production-myapp-a or -b, whichever serves the writer now.
const WRITER_NODES = ["production-myapp-a", "production-myapp-b"];

test("with the fleet's writer and its standby frozen, people still sign in and the audit still records", async ({
  page,
}) => {
  // SIGSTOP on each node's process group: the postmaster and its backends stop answering, as a hung host would.
  const groups = WRITER_NODES.map((node) => postmasterPid(node));
  for (const pid of groups) process.kill(-pid, "SIGSTOP");
  try {
    const signIn = new SignInPage(page);
    await signIn.goto("/audit");
    await signIn.signIn(E2E_USERS.operator.email, E2E_USERS.operator.password);
    await expect(page).toHaveURL(/\/audit$/);
    await page.goto(`/audit?action=sign-in&actor=${encodeURIComponent(E2E_USERS.operator.email)}&outcome=ok`);
    // The setup project's sign-in, and this one.
    await expect(page.getByTestId("audit-row")).toHaveCount(2);
  } finally {
    for (const pid of groups) process.kill(-pid, "SIGCONT");
  }
});
