/** The sign-in form: the one form anyone may post, signed in or not. */
import { z } from "zod";

export const signInForm = z.object({
  email: z.string({ error: "Enter your email" }).trim().min(1, "Enter your email").max(254),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(128),
  next: z.string().max(2000).optional(),
});
