/**
 * Builds the stack in-process exactly as `cdk synth` does: the context from
 * cdk.json (feature flags and defaults) plus a test's overrides, and no AWS
 * environment variables, so every test also proves that synth is offline.
 */
import { readFileSync } from "node:fs";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { readContext } from "../lib/context";
import { RdsdeckStack } from "../lib/rdsdeck-stack";
import { stackEnvironment, stackName } from "../lib/stack-environment";

const cdkJson = JSON.parse(readFileSync(new URL("../../../cdk.json", import.meta.url), "utf8")) as {
  app: string;
  context: Record<string, unknown>;
};

export const cdkJsonContext = cdkJson.context;
export const cdkJsonApp = cdkJson.app;

export interface SynthOptions {
  context?: Record<string, unknown>;
  /** Stand-in for what the CDK CLI puts in the environment (CDK_DEFAULT_ACCOUNT, ...). */
  processEnv?: Record<string, string | undefined>;
}

export function synthFleet({ context = {}, processEnv = {} }: SynthOptions = {}) {
  const app = new App({ context: { ...cdkJsonContext, ...context } });
  const { fleet, deployment } = readContext((key) => app.node.tryGetContext(key));
  const stack = new RdsdeckStack(app, stackName(fleet), {
    fleet,
    deployment,
    env: stackEnvironment(fleet, deployment, processEnv),
  });
  const template = Template.fromStack(stack);
  return { app, stack, template, fleet, deployment };
}

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DependsOn?: string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The one resource of a type whose properties include the given ones (fails otherwise). */
export function resourceWith(template: Template, type: string, properties: Record<string, unknown> = {}) {
  const found = Object.entries(template.findResources(type, { Properties: properties }) as Record<string, Resource>);
  if (found.length !== 1) {
    throw new Error(`expected one ${type} with ${JSON.stringify(properties)}, found ${found.length}`);
  }
  const [logicalId, resource] = found[0] as [string, Resource];
  return { logicalId, ...resource } as Resource & { logicalId: string };
}
