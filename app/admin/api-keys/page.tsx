import type { Metadata } from "next";
import { connection } from "next/server";
import { ActionForm } from "@/components/action-form";
import { CreateApiKeyForm } from "@/components/create-api-key-form";
import { DataTable } from "@/components/data-table";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { requireRole } from "@/lib/auth/require-role";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 19) : "—");

export default async function ApiKeysPage() {
  await connection();
  await requireRole("admin", "/admin/api-keys");
  const keys = await listApiKeys();
  const now = Date.now();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="text-sm text-slate-600">
          Applications call <code>/api/v1/users</code> with <code>Authorization: Bearer &lt;key&gt;</code>. A read key
          may only GET; a read-write key may also create, change and delete, and minting one asks for your password. A
          key stops working within seconds of being revoked, at its expiry, and while the admin who made it is disabled.
        </p>
      </div>
      <section aria-labelledby="new-key-title" className="space-y-3">
        <h2 className="text-lg font-semibold" id="new-key-title">
          Create a key
        </h2>
        <CreateApiKeyForm serverAction={createApiKeyAction} />
      </section>
      <section aria-labelledby="keys-title" className="space-y-3">
        <h2 className="text-lg font-semibold" id="keys-title">
          Keys
        </h2>
        {keys.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">No API keys yet.</p>
        ) : (
          <DataTable
            caption="API keys, newest first"
            columns={["Name", "Key", "Scope", "Limit", "Created (UTC)", "Expires (UTC)", "Last used (UTC)", "Status"]}
            testId="api-keys-table"
          >
            {keys.map((k) => (
              <tr data-name={k.name} data-testid="api-key-row" key={k.id}>
                <td className="px-3 py-2">{k.name}</td>
                <td className="px-3 py-2 font-mono text-xs">{k.prefix}…</td>
                <td className="px-3 py-2">{k.scope}</td>
                <td className="px-3 py-2">{k.rateLimitPerSecond}/s</td>
                <td className="px-3 py-2 font-mono text-xs">
                  {when(k.createdAt)} by {k.createdBy}
                </td>
                <td className="px-3 py-2 font-mono text-xs" data-testid="api-key-expires">
                  {k.expiresAt ? when(k.expiresAt) : "never"}
                </td>
                <td className="px-3 py-2 font-mono text-xs" data-testid="api-key-last-used">
                  {when(k.lastUsedAt)}
                </td>
                <td className="px-3 py-2" data-testid="api-key-status">
                  {k.revokedAt ? (
                    `revoked ${when(k.revokedAt)}`
                  ) : (
                    <>
                      {k.expiresAt && k.expiresAt.getTime() <= now ? <span className="mr-2">expired</span> : null}
                      {k.creatorDisabled ? <span className="mr-2">inactive: its creator is disabled</span> : null}
                      <ActionForm inline serverAction={revokeApiKeyAction} submitLabel="Revoke" testId="revoke-api-key">
                        <input name="id" type="hidden" value={k.id} />
                      </ActionForm>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
