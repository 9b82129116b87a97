/**
 * The stack as a whole: where it is bound, what it outputs for rdsdeck's aws
 * mode, and that it synthesizes without a single warning.
 */
import { Token } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import { expect, test } from "vitest";
import { resourceWith, synthFleet } from "./synth-fleet";

const s = synthFleet();

test("is named rdsdeck-<env> and bound to the fleet definition's region only", () => {
  expect(s.stack.stackName).toBe("rdsdeck-production");
  expect(s.stack.region).toBe("us-east-1");
  expect(Token.isUnresolved(s.stack.account)).toBe(true);
});

test("outputs what rdsdeck's aws mode and the applications need", () => {
  const outputs = s.template.toJSON().Outputs as Record<string, { Value: unknown }>;
  expect(Object.keys(outputs).sort()).toEqual(
    [
      "AlertsTopicArn",
      "DashboardPolicyArn",
      "MasterSecretArn",
      "Region",
      "ReplicaEndpoints",
      "WriterArn",
      "WriterEndpoint",
    ].sort(),
  );
  expect(outputs.Region?.Value).toBe("us-east-1");
  expect(outputs.MasterSecretArn?.Value).toEqual({
    Ref: resourceWith(s.template, "AWS::SecretsManager::SecretTargetAttachment").logicalId,
  });
  expect(outputs.AlertsTopicArn?.Value).toEqual({ Ref: resourceWith(s.template, "AWS::SNS::Topic").logicalId });
  expect(outputs.DashboardPolicyArn?.Value).toEqual({
    Ref: resourceWith(s.template, "AWS::IAM::ManagedPolicy").logicalId,
  });
});

test("tags every taggable resource with Application=rdsdeck", () => {
  const resources = Object.values(s.template.toJSON().Resources as Record<string, { Properties?: { Tags?: unknown } }>);
  const tagged = resources.filter((r) => Array.isArray(r.Properties?.Tags));
  expect(tagged.length).toBeGreaterThan(20);
  for (const r of tagged) expect(r.Properties?.Tags).toContainEqual({ Key: "Application", Value: "rdsdeck" });
});

test("synthesizes without warnings or errors", () => {
  Annotations.fromStack(s.stack).hasNoWarning("*", Match.anyValue());
  Annotations.fromStack(s.stack).hasNoError("*", Match.anyValue());
});
