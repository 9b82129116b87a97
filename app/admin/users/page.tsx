import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ActionForm } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { FormDialog } from "@/components/form-dialog";
import { fieldStyle as field, labelStyle as label } from "@/components/form-styles";
import { requireRole } from "@/lib/auth/require-role";
import { roles } from "@/lib/auth/roles";
import { listDashboardUsers } from "@/lib/dashboard-users/manage-dashboard-users";
import { createUserAction, resetPasswordAction, setDisabledAction, setRoleAction, unlockSignInAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await connection();
  const actor = await requireRole("admin", "/admin/users");
  const users = await listDashboardUsers();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="text-sm text-slate-600">
          Who may sign in, and with which role: viewer reads everything; operator also acts on the fleet; admin also
          manages users and API keys.
        </p>
      </div>
      <section aria-labelledby="users-title" className="space-y-3">
        <h2 className="text-lg font-semibold" id="users-title">
          {users.length} user{users.length === 1 ? "" : "s"}
        </h2>
        <DataTable
          caption="Dashboard users, by email"
          columns={["Email", "Name", "Role", "Status", "Password"]}
          testId="users-table"
        >
          {users.map((u) => (
            <tr data-testid="user-row" data-email={u.email} key={u.id}>
              <td className="px-3 py-2">{u.email}</td>
              <td className="px-3 py-2">{u.name}</td>
              <td className="px-3 py-2">
                {u.id === actor.id ? (
                  u.role
                ) : (
                  <ActionForm inline serverAction={setRoleAction} submitLabel="Change role" testId="set-role">
                    <input name="userId" type="hidden" value={u.id} />
                    <label className="sr-only" htmlFor={`role-${u.id}`}>
                      Role of {u.email}
                    </label>
                    <select
                      className="rounded-md border border-slate-300 px-1 py-1 text-sm"
                      defaultValue={u.role}
                      id={`role-${u.id}`}
                      name="role"
                    >
                      {roles.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                    <label className="sr-only" htmlFor={`role-password-${u.id}`}>
                      Your password (to make {u.email} an admin)
                    </label>
                    <input
                      autoComplete="current-password"
                      className="w-36 rounded-md border border-slate-300 px-1 py-1 text-sm"
                      id={`role-password-${u.id}`}
                      name="currentPassword"
                      placeholder="your password (admin)"
                      type="password"
                    />
                  </ActionForm>
                )}
              </td>
              <td className="px-3 py-2">
                {u.id === actor.id ? (
                  "you"
                ) : (
                  <ActionForm
                    inline
                    serverAction={setDisabledAction}
                    submitLabel={u.disabled ? "Enable" : "Disable"}
                    testId="set-disabled"
                  >
                    <span className="mr-2">{u.disabled ? "disabled" : "active"}</span>
                    <input name="userId" type="hidden" value={u.id} />
                    <input name="disabled" type="hidden" value={u.disabled ? "false" : "true"} />
                  </ActionForm>
                )}
              </td>
              <td className="px-3 py-2">
                {u.id === actor.id ? (
                  <Link className="underline" href="/account">
                    change under Account
                  </Link>
                ) : (
                  <FormDialog
                    description={`${u.email} signs in with the new password from now on; every session of theirs ends now. Your own password is asked again.`}
                    hidden={{ userId: u.id }}
                    inputs={[
                      { name: "password", label: "New password (12+ characters)", type: "password" },
                      {
                        name: "currentPassword",
                        label: "Your current password",
                        type: "password",
                        autoComplete: "current-password",
                      },
                    ]}
                    label="Reset password"
                    serverAction={resetPasswordAction}
                    submitLabel="Reset password"
                    testId="reset-password"
                    title={`Reset the password of ${u.email}`}
                  />
                )}
                {u.id === actor.id ? null : (
                  <ActionForm
                    inline
                    serverAction={unlockSignInAction}
                    submitLabel="Unlock sign-in"
                    testId="unlock-sign-in"
                  >
                    <input name="email" type="hidden" value={u.email} />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="create-user-title" className="space-y-3">
        <h2 className="text-lg font-semibold" id="create-user-title">
          Create a user
        </h2>
        <ActionForm serverAction={createUserAction} submitLabel="Create user" testId="create-user">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <div>
              <label className={label} htmlFor="new-user-email">
                Email
              </label>
              <input autoComplete="off" className={field} id="new-user-email" name="email" required type="email" />
            </div>
            <div>
              <label className={label} htmlFor="new-user-name">
                Name
              </label>
              <input autoComplete="off" className={field} id="new-user-name" name="name" required />
            </div>
            <div>
              <label className={label} htmlFor="new-user-role">
                Role
              </label>
              <select className={field} defaultValue="viewer" id="new-user-role" name="role">
                {roles.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </div>
            <div>
              <label className={label} htmlFor="new-user-password">
                Initial password (12+ characters)
              </label>
              <input
                autoComplete="new-password"
                className={field}
                id="new-user-password"
                minLength={12}
                name="password"
                required
                type="password"
              />
            </div>
            <div>
              <label className={label} htmlFor="new-user-current-password">
                Your password (to create an admin)
              </label>
              <input
                autoComplete="current-password"
                className={field}
                id="new-user-current-password"
                name="currentPassword"
                type="password"
              />
            </div>
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
