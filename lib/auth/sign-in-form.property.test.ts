/** The sign-in form is the one anybody may post: whatever comes, it refuses by field or passes bounded strings on. */
import fc from "fast-check";
import { expect, test } from "vitest";
import { anyText, expectIssuesNameFields, formFields, padded } from "@/test-support/form-arbitraries";
import { checkProperty } from "@/test-support/fuzz";
import { signInForm } from "./sign-in-form";

const fields = formFields({
  email: padded(fc.emailAddress()),
  password: fc.oneof(fc.string({ minLength: 1, maxLength: 140 }), anyText),
  next: fc.oneof(fc.constantFrom("/", "/alarms", "//evil.example", "https://evil.example/"), fc.webPath()),
});

test("sign-in: never throws; refuses naming a field, or passes on a bounded email, password and next", async () => {
  await checkProperty(
    "form: sign-in",
    fc.property(fields, (form) => {
      const parsed = signInForm.safeParse(form);
      if (!parsed.success) return expectIssuesNameFields(parsed.error, Object.keys(signInForm.shape));
      expect(parsed.data.email.length).toBeGreaterThan(0);
      expect(parsed.data.email.length).toBeLessThanOrEqual(254);
      expect(parsed.data.email).toBe(parsed.data.email.trim());
      expect(parsed.data.password.length).toBeLessThanOrEqual(128);
      expect((parsed.data.next ?? "").length).toBeLessThanOrEqual(2000);
    }),
  );
});
