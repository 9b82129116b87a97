/**
 * Which account and region the stack is bound to. The region always comes
 * from the fleet definition, because the fleet names its availability zones.
 * The account is bound only when the VPC is looked up: that is the one case
 * that needs it, and leaving it out elsewhere keeps the template identical
 * with or without credentials.
 */
import type { Environment } from "aws-cdk-lib";
import type { Fleet } from "../../fleet";
import type { Deployment } from "./context";

export const stackName = (fleet: Fleet) => `rdsdeck-${fleet.environment}`;

export function stackEnvironment(
  fleet: Fleet,
  deployment: Deployment,
  processEnv: Record<string, string | undefined>,
): Environment {
  if (deployment.vpc.kind !== "lookup") return { region: fleet.region };
  const account = processEnv.CDK_DEFAULT_ACCOUNT;
  if (!account) {
    throw new Error(
      `Looking up ${fleet.environment}-vpc by its Name tag needs AWS credentials (the CDK CLI then sets CDK_DEFAULT_ACCOUNT). ` +
        "Without them, pass -c createVpc=true, or -c createVpc=false with vpcId, vpcCidr and privateSubnetIds.",
    );
  }
  return { account, region: fleet.region };
}
