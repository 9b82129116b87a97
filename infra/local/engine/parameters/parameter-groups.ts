/**
 * DB parameter groups: the built-in default.postgres<major> (read-only, as on
 * RDS) and the fleet's own, whose values are checked against the real
 * server's parameters and pushed to the instances that use the group.
 */
import { EngineFault, type FleetOps } from "../fleet-ops";
import { assertTagCount, type Tag, withTags } from "../tags";
import { pushGroupToInstances } from "./apply-parameters";
import { fleetOwnedReason } from "./fleet-owned-parameters";
import { type ParameterDefinition, readParameterDefinitions } from "./parameter-definitions";
import { type ParameterGroupRecord, ParameterGroupStore } from "./parameter-group-store";
import { checkParameterValue } from "./parameter-values";

export type ApplyMethod = "immediate" | "pending-reboot";
export type ParameterSource = "user" | "system" | "engine-default";

export type ParameterGroupView = { name: string; family: string; description: string };

export type ParameterView = ParameterDefinition & {
  source: ParameterSource;
  value?: string;
  applyMethod: ApplyMethod;
};

export type ParameterChange = { name: string; value: string; applyMethod: ApplyMethod };

/** RDS's default quota of DB parameter groups per account and Region. */
const GROUP_QUOTA = 100;

export class ParameterGroups {
  readonly store: ParameterGroupStore;
  /**
   * By node: parameters it keeps at the value it runs (null: unset) until its
   * postgres next starts. In memory only: an engine start starts every node.
   */
  private readonly held = new Map<string, Map<string, string | null>>();
  private definitionsRead: Promise<ParameterDefinition[]> | undefined;

  constructor(private readonly ops: FleetOps) {
    this.store = new ParameterGroupStore(ops.config.dataDir);
  }

  get family(): string {
    return `postgres${this.ops.state.pgMajor}`;
  }

  get defaultName(): string {
    return `default.${this.family}`;
  }

  isDefault(name: string): boolean {
    return name.toLowerCase() === this.defaultName;
  }

  /** The groups by name, the default one first among equals (callers sort). */
  all(): ParameterGroupView[] {
    return [
      { name: this.defaultName, family: this.family, description: `Default parameter group for ${this.family}` },
      ...this.store.all().map((g) => ({ name: g.name, family: g.family, description: g.description })),
    ];
  }

  /** The group, or DBParameterGroupNotFound. */
  require(name: string): ParameterGroupView {
    const found = this.all().find((g) => g.name === name.toLowerCase());
    if (!found) throw new EngineFault("DBParameterGroupNotFound", `DBParameterGroup not found: ${name}`);
    return found;
  }

  create(request: { name: string; family: string; description: string; tags?: readonly Tag[] }): ParameterGroupView {
    if (request.family !== this.family) {
      throw new EngineFault(
        "InvalidParameterValue",
        `Invalid value ${request.family} for DBParameterGroupFamily: the local fleet runs PostgreSQL ${this.ops.state.pgMajor}, whose family is ${this.family}.`,
      );
    }
    return this.saveNew({ ...request, parameters: {} });
  }

  /**
   * CopyDBParameterGroup: a new group with the source's family and the
   * values it sets (not its tags: those given here). RDS copies only groups
   * of one's own; a default group is made anew with CreateDBParameterGroup.
   */
  copy(request: { source: string; name: string; description: string; tags?: readonly Tag[] }): ParameterGroupView {
    if (this.isDefault(request.source)) {
      throw new EngineFault(
        "InvalidParameterValue",
        `SourceDBParameterGroupIdentifier ${request.source} is a default DB parameter group, which cannot be copied: create a DB parameter group of family ${this.family} instead.`,
      );
    }
    const source = this.ownGroup(request.source);
    const parameters = Object.fromEntries(Object.entries(source.parameters).map(([k, v]) => [k, { ...v }]));
    return this.saveNew({
      name: request.name,
      family: source.family,
      description: request.description,
      parameters,
      tags: request.tags,
    });
  }

  private saveNew(group: {
    name: string;
    family: string;
    description: string;
    parameters: ParameterGroupRecord["parameters"];
    tags?: readonly Tag[];
  }): ParameterGroupView {
    const name = group.name.toLowerCase();
    if (name.startsWith("default.") || this.store.get(name) || this.isDefault(name)) {
      throw new EngineFault("DBParameterGroupAlreadyExists", `Parameter group ${name} already exists`);
    }
    if (this.store.all().length + 1 >= GROUP_QUOTA) {
      throw new EngineFault(
        "DBParameterGroupQuotaExceeded",
        "The request cannot be processed because it would exceed the maximum number of DBParameterGroups.",
      );
    }
    const tags = withTags([], group.tags ?? []);
    assertTagCount(tags, `DB parameter group ${name}`);
    this.store.save({ ...group, name, tags });
    return this.require(name);
  }

  delete(name: string): void {
    if (this.isDefault(name)) {
      throw new EngineFault(
        "InvalidDBParameterGroupState",
        `Default DBParameterGroup cannot be deleted: ${this.defaultName}`,
      );
    }
    const group = this.ownGroup(name);
    const users = this.instancesUsing(group.name);
    if (users.length > 0) {
      throw new EngineFault(
        "InvalidDBParameterGroupState",
        `One or more database instances are still members of this parameter group ${group.name}, so the group cannot be deleted`,
      );
    }
    this.store.delete(group.name);
  }

  /** ModifyDBParameterGroup: every change is checked before any is saved, so a refused call changes nothing. */
  async modify(name: string, changes: ParameterChange[]): Promise<string> {
    const group = this.ownGroup(name);
    const definitions = await this.definitionsByName();
    const checked = changes.map((change) => {
      const definition = this.modifiable(definitions, change.name);
      assertApplyMethod(definition, change.applyMethod);
      return { ...change, name: definition.name, value: checkParameterValue(definition, change.value) };
    });
    this.holdUntilRestart(
      group.name,
      checked.filter((c) => c.applyMethod === "pending-reboot").map((c) => c.name),
    );
    for (const change of checked) {
      group.parameters[change.name] = { value: change.value, applyMethod: change.applyMethod };
    }
    this.store.save(group);
    for (const change of checked) {
      this.ops.events.record(
        "parameterUpdated",
        group.name,
        `${change.name} to ${change.value} with apply method ${change.applyMethod}.`,
        "db-parameter-group",
      );
    }
    pushGroupToInstances(this.ops, this.instancesUsing(group.name), staticIn(definitions, checked));
    return group.name;
  }

  /** ResetDBParameterGroup: all parameters, or the ones listed, back to their defaults. */
  async reset(
    name: string,
    request: { all: boolean; parameters: { name: string; applyMethod: ApplyMethod }[] },
  ): Promise<string> {
    const group = this.ownGroup(name);
    const definitions = await this.definitionsByName();
    const names = request.all
      ? Object.keys(group.parameters)
      : request.parameters.map((p) => {
          const definition = this.modifiable(definitions, p.name);
          assertApplyMethod(definition, p.applyMethod);
          return definition.name;
        });
    const deferred = request.parameters.filter((p) => p.applyMethod === "pending-reboot").map((p) => p.name);
    this.holdUntilRestart(group.name, deferred);
    for (const parameter of names) delete group.parameters[parameter];
    this.store.save(group);
    const needsReboot =
      deferred.length > 0 || names.some((n) => definitions.get(n.toLowerCase())?.applyType === "static");
    pushGroupToInstances(this.ops, this.instancesUsing(group.name), needsReboot);
    return group.name;
  }

  /** Every parameter of a group, as DescribeDBParameters reports it, by name. */
  async parameters(name: string): Promise<ParameterView[]> {
    const group = this.require(name);
    const own = this.store.get(group.name)?.parameters ?? {};
    const definitions = await this.definitionsByName();
    return [...definitions.values()].map((definition) => {
      const user = own[definition.name];
      if (user) return { ...definition, source: "user", value: user.value, applyMethod: user.applyMethod };
      return {
        ...definition,
        source: definition.systemValue === undefined ? "engine-default" : "system",
        value: definition.systemValue,
        applyMethod: "pending-reboot",
      };
    });
  }

  /** DescribeEngineDefaultParameters: what a new group of the fleet's family starts with. */
  async engineDefaults(family: string): Promise<ParameterView[]> {
    if (family !== this.family) {
      throw new EngineFault(
        "InvalidParameterValue",
        `Invalid value ${family} for DBParameterGroupFamily: the local fleet has only ${this.family}.`,
      );
    }
    return this.parameters(this.defaultName);
  }

  /** The values a node's include file gets: those of its instance's group (none for the default group). */
  valuesForNode(nodeName: string): Record<string, string> {
    const instance = this.ops.state.instances.find((i) => i.node.name === nodeName || i.standby?.name === nodeName);
    const values = this.groupValues(instance?.parameterGroupName);
    for (const [name, value] of this.held.get(nodeName) ?? []) {
      if (value === null) delete values[name];
      else values[name] = value;
    }
    return values;
  }

  /** What a group sets (undefined: the default group, which sets nothing). */
  groupValues(groupName: string | undefined): Record<string, string> {
    const group = groupName ? this.store.get(groupName) : undefined;
    return Object.fromEntries(Object.entries(group?.parameters ?? {}).map(([k, v]) => [k, v.value]));
  }

  /**
   * A pending-reboot change must not go live at the next reload of the
   * node's config (a dynamic parameter would): each node of the instances
   * using the group keeps these parameters at the values it runs now, in its
   * file too, until its postgres next starts.
   */
  holdUntilRestart(groupName: string, names: readonly string[]): void {
    if (names.length === 0) return;
    for (const id of this.instancesUsing(groupName)) this.holdOnInstance(id, names);
  }

  /**
   * ModifyDBInstance DBParameterGroupName: every value that differs between
   * the group the instance runs and the new one waits for its next restart.
   */
  holdForGroupSwitch(instanceId: string, newGroupName: string | undefined): void {
    const instance = this.ops.requireInstance(instanceId);
    const now = this.groupValues(instance.parameterGroupName);
    const next = this.groupValues(newGroupName);
    const names = [...new Set([...Object.keys(now), ...Object.keys(next)])].filter((n) => now[n] !== next[n]);
    this.holdOnInstance(instanceId, names);
  }

  /** A node starting: what it held is released, so it starts on its group's values. True when it held any. */
  releaseHeld(nodeName: string): boolean {
    return this.held.delete(nodeName);
  }

  private holdOnInstance(instanceId: string, names: readonly string[]): void {
    const instance = this.ops.requireInstance(instanceId);
    for (const nodeName of [instance.node.name, instance.standby?.name]) {
      if (nodeName === undefined) continue;
      const running = this.valuesForNode(nodeName);
      const held = this.held.get(nodeName) ?? new Map<string, string | null>();
      for (const name of names) if (!held.has(name)) held.set(name, running[name] ?? null);
      if (held.size > 0) this.held.set(nodeName, held);
    }
  }

  /** The identifiers of the instances that use a group. */
  instancesUsing(name: string): string[] {
    const lower = name.toLowerCase();
    return this.ops.state.instances
      .filter((i) => (i.parameterGroupName ?? this.defaultName) === lower)
      .map((i) => i.id);
  }

  /** One of the fleet's own groups: the default one cannot be changed (RDS's wording), an unknown one is not found. */
  private ownGroup(name: string): ParameterGroupRecord {
    if (this.isDefault(name))
      throw new EngineFault("InvalidParameterValue", "Cannot modify a default parameter group.");
    const group = this.store.get(name);
    if (!group) throw new EngineFault("DBParameterGroupNotFound", `DBParameterGroup not found: ${name}`);
    return group;
  }

  private modifiable(definitions: Map<string, ParameterDefinition>, name: string): ParameterDefinition {
    const definition = definitions.get(name.toLowerCase());
    if (!definition) throw new EngineFault("InvalidParameterValue", `Could not find parameter with name: ${name}`);
    if (!definition.isModifiable) {
      throw new EngineFault(
        "InvalidParameterValue",
        fleetOwnedReason(name) ?? `The parameter ${name} cannot be modified.`,
      );
    }
    return definition;
  }

  /** pg_settings of a running node, read once: every node of the fleet runs the same binaries. */
  private async definitionsByName(): Promise<Map<string, ParameterDefinition>> {
    if (!this.definitionsRead) {
      this.definitionsRead = this.readDefinitions();
      this.definitionsRead.catch(() => {
        this.definitionsRead = undefined;
      });
    }
    const definitions = await this.definitionsRead;
    return new Map(definitions.map((d) => [d.name.toLowerCase(), d]));
  }

  /** From the first node that answers: one may be down or hung (a drill), and any other has the same binaries. */
  private async readDefinitions(): Promise<ParameterDefinition[]> {
    const failures: string[] = [];
    for (const instance of this.ops.state.instances) {
      const node = this.ops.findNode(instance.node.name);
      if (!node?.postmaster.running) continue;
      try {
        return await this.ops.asAdmin(node, (db) => readParameterDefinitions(db, node.pgData));
      } catch (error) {
        failures.push(`${instance.id}: ${(error as Error).message}`);
        this.ops.log.warn({ instance: instance.id, err: (error as Error).message }, "could not read pg_settings");
      }
    }
    throw new EngineFault(
      "InvalidDBInstanceState",
      `The local fleet has no running DB instance to read its engine's parameters from${failures.length ? ` (${failures.join("; ")})` : ""}.`,
    );
  }
}

function assertApplyMethod(definition: ParameterDefinition, method: ApplyMethod): void {
  // RDS's own message for this refusal.
  if (definition.applyType === "static" && method === "immediate") {
    throw new EngineFault("InvalidParameterCombination", "cannot use immediate apply method for static parameter");
  }
}

function staticIn(definitions: Map<string, ParameterDefinition>, changes: ParameterChange[]): boolean {
  return changes.some(
    (c) => definitions.get(c.name.toLowerCase())?.applyType === "static" || c.applyMethod === "pending-reboot",
  );
}
