/**
 * Every dashboard action and the least role that may run it: the one place a
 * role rule is stated. Server actions (lib/actions/validated-action.ts) allow
 * by it, and pages offer only what it allows. The names are the audit trail's.
 *
 * An admin alone destroys data, manages people and keys, and silences the
 * fleet's alarms (deleting one, or switching its notifications off); the
 * README, "Sign-in, roles and the audit trail", says why.
 */
import { allows, type Role } from "./roles";

export const ACTION_ROLES = {
  // Instances
  reboot: "operator",
  "reboot-with-failover": "operator",
  "create-snapshot": "operator",
  "create-read-replica": "operator",
  "restore-db-instance-to-point-in-time": "operator",
  "promote-read-replica": "operator",
  "modify-db-instance": "operator",
  "stop-db-instance": "operator",
  "start-db-instance": "operator",
  "delete-db-instance": "admin",
  "add-tags-to-resource": "operator",
  "remove-tags-from-resource": "operator",
  // Parameter groups
  "create-db-parameter-group": "operator",
  "modify-db-parameter-group": "operator",
  "reset-db-parameter-group": "operator",
  "delete-db-parameter-group": "operator",
  "modify-db-instance-parameter-group": "operator",
  // Snapshots and automated backups
  "restore-db-instance-from-snapshot": "operator",
  "delete-snapshot": "admin",
  "delete-db-instance-automated-backup": "admin",
  // Alarms (CloudWatch's EnableAlarmActions / DisableAlarmActions)
  "create-alarm": "operator",
  "update-alarm": "operator",
  "enable-alarm-actions": "operator",
  "disable-alarm-actions": "admin",
  "delete-alarm": "admin",
  // People, keys and one's own account
  "create-user": "admin",
  "set-user-role": "admin",
  "set-user-disabled": "admin",
  "reset-user-password": "admin",
  "unlock-sign-in": "admin",
  "create-api-key": "admin",
  "revoke-api-key": "admin",
  "change-own-password": "viewer",
  "sign-out": "viewer",
} as const satisfies Record<string, Role>;

export type DashboardAction = keyof typeof ACTION_ROLES;

export const roleFor = (action: DashboardAction): Role => ACTION_ROLES[action];

/** Whether a user of `role` may run `action`: what pages ask before offering it. */
export const may = (role: Role, action: DashboardAction): boolean => allows(role, roleFor(action));
