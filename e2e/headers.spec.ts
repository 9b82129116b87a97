import { expect, type Page, test } from "@playwright/test";

const PAGES = ["/", "/events", "/alarms", "/audit", "/admin/users", "/admin/api-keys", "/instances/production-myapp"];

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect)/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

test("every page sends the security headers, and runs under its CSP without one violation", async ({ page }) => {
  const violations = watchCsp(page);
  for (const path of PAGES) {
    const response = await page.goto(path);
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"], path).toMatch(
      /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
    );
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    // Plain-http loopback: no HSTS, which would pin the browser to https for a host that has none.
    expect(headers["strict-transport-security"], path).toBeUndefined();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("the sign-in page, signed out, runs under its CSP too", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  const violations = watchCsp(page);
  const response = await page.goto("/sign-in");
  expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
  await expect(page.getByTestId("sign-in-form")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the API and /health answer with nosniff and a CSP that allows nothing", async ({ request }) => {
  for (const path of ["/health", "/api/v1/users"]) {
    const response = await request.get(path, { headers: { authorization: "" } });
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});
