/**
 * Creates a user on the writer, in a group commit with the creates that
 * arrive together (batched/user-creations.ts); a duplicate email (in any
 * letter case) is a 409.
 */
import "server-only";
import type { Written } from "../db/run-write";
import { createInGroup } from "./batched/user-creations";
import type { UserRecord } from "./user-columns";

export function createUser({ name, email }: { name: string; email: string }): Promise<Written<UserRecord>> {
  return createInGroup({ name, email });
}
