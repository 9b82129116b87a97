import type { DBParameterGroup, Parameter } from "@aws-sdk/client-rds";
import type { ResourceTag } from "./rds-backend";

/**
 * What the local engine implements for RDS's DB parameter group actions.
 * Names arrive in lowercase (RDS stores them so); lists are filtered and paged
 * by the operations.
 */
export interface ParameterGroupBackend {
  createDBParameterGroup(request: {
    name: string;
    family: string;
    description: string;
    tags: ResourceTag[];
  }): DBParameterGroup;
  /** A new group with the source's family and values; not the default group (InvalidParameterValue). */
  copyDBParameterGroup(request: {
    source: string;
    name: string;
    description: string;
    tags: ResourceTag[];
  }): DBParameterGroup;
  describeDBParameterGroups(): DBParameterGroup[];
  /** Checks every change before saving any; returns the group's name. */
  modifyDBParameterGroup(request: { name: string; parameters: ParameterModification[] }): Promise<string>;
  resetDBParameterGroup(request: { name: string; all: boolean; parameters: ParameterReset[] }): Promise<string>;
  /** InvalidDBParameterGroupState for the default group and for one an instance uses. */
  deleteDBParameterGroup(request: { name: string }): void;
  /** Every parameter of a group, by name; DBParameterGroupNotFound if there is no such group. */
  describeDBParameters(request: { name: string }): Promise<Parameter[]>;
  describeEngineDefaultParameters(request: { family: string }): Promise<Parameter[]>;
  /** ModifyDBInstance's DBParameterGroupName: the instance uses the group from its next reboot. */
  assignDBParameterGroup(request: { instanceId: string; name: string }): void;
}

export type ApplyMethod = "immediate" | "pending-reboot";
export type ParameterModification = { name: string; value: string; applyMethod: ApplyMethod };
export type ParameterReset = { name: string; applyMethod: ApplyMethod };
