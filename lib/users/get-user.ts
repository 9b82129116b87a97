/**
 * Reads one user, from a reader when one qualifies (see lib/db/READ-ROUTING.md),
 * in a batch with the lookups that arrive together (batched/user-lookups.ts).
 */
import "server-only";
import { NotFound } from "../errors";
import { lookUpUser } from "./batched/user-lookups";
import type { UserRecord } from "./user-columns";

export async function getUser({ id, minLsn }: { id: number; minLsn?: bigint }): Promise<UserRecord> {
  const user = await lookUpUser(id, minLsn);
  if (!user) throw new NotFound("User not found");
  return user;
}
