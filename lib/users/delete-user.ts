/** Deletes a user on the writer, in a group commit with the deletes that arrive together; a missing one is a 404. */
import "server-only";
import { NotFound } from "../errors";
import { deleteInGroup } from "./batched/user-deletions";

/** Resolves to the writer's WAL position after the delete, for read-your-writes. */
export async function deleteUser({ id }: { id: number }): Promise<{ lsn: string }> {
  const { deleted, lsn } = await deleteInGroup(id);
  if (!deleted) throw new NotFound("User not found");
  return { lsn };
}
