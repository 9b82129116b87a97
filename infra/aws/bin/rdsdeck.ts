/**
 * The CDK app (`cdk.json` runs it with tsx). Everything it needs comes from
 * context; see infra/aws/README.md for the flags.
 */
import { App } from "aws-cdk-lib";
import { readContext } from "../lib/context";
import { RdsdeckStack } from "../lib/rdsdeck-stack";
import { stackEnvironment, stackName } from "../lib/stack-environment";

const app = new App();
const { fleet, deployment } = readContext((key) => app.node.tryGetContext(key));
new RdsdeckStack(app, stackName(fleet), {
  fleet,
  deployment,
  env: stackEnvironment(fleet, deployment, process.env),
  description: `rdsdeck: the ${fleet.environment} RDS for PostgreSQL fleet`,
});
