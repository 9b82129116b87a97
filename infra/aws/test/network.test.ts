/**
 * Where the fleet lives, in each of the three ways the VPC can be chosen,
 * and who may reach PostgreSQL.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Token } from "aws-cdk-lib";
import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, test } from "vitest";
import { readContext } from "../lib/context";
import { RdsdeckStack } from "../lib/rdsdeck-stack";
import { stackEnvironment } from "../lib/stack-environment";
import { cdkJsonContext, resourceWith, synthFleet } from "./synth-fleet";

const ACCOUNT = "123456789012";
const databaseSecurityGroup = (s: ReturnType<typeof synthFleet>) =>
  resourceWith(s.template, "AWS::EC2::SecurityGroup", {
    Tags: Match.arrayWith([{ Key: "Name", Value: "production-rds-sg" }]),
  });

describe("createVpc=true (the default in cdk.json)", () => {
  const s = synthFleet();

  test("a VPC named <env>-vpc with the default CIDR", () =>
    s.template.hasResourceProperties("AWS::EC2::VPC", {
      CidrBlock: "10.0.0.0/16",
      Tags: Match.arrayWith([{ Key: "Name", Value: "production-vpc" }]),
    }));

  test("one private subnet in each of the fleet definition's availability zones, tagged Type=private", () => {
    const subnets = Object.values(s.template.findResources("AWS::EC2::Subnet")).map(
      (r) => (r as { Properties: { AvailabilityZone: string; Tags: unknown[] } }).Properties,
    );
    expect(subnets.map((p) => p.AvailabilityZone).sort()).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
    for (const p of subnets) expect(p.Tags).toContainEqual({ Key: "Type", Value: "private" });
  });

  test("no route to the internet: no internet gateway, no NAT gateway, no public IPs", () => {
    s.template.resourceCountIs("AWS::EC2::InternetGateway", 0);
    s.template.resourceCountIs("AWS::EC2::NatGateway", 0);
    s.template.allResourcesProperties("AWS::EC2::Subnet", { MapPublicIpOnLaunch: false });
  });

  test("every flow is logged to an encrypted log group with the configured retention", () => {
    const logGroup = resourceWith(s.template, "AWS::Logs::LogGroup", {
      LogGroupName: "/aws/vpc/production-vpc/flow-logs",
    });
    expect(logGroup.Properties.RetentionInDays).toBe(30);
    expect(logGroup.Properties.KmsKeyId).toEqual({ "Fn::GetAtt": [expect.stringMatching(/^KeysDataKey/), "Arn"] });
    s.template.hasResourceProperties("AWS::EC2::FlowLog", { TrafficType: "ALL", ResourceType: "VPC" });
  });

  test("the default security group is stripped of its rules", () =>
    s.template.resourceCountIs("Custom::VpcRestrictDefaultSG", 1));

  test("rotation reaches Secrets Manager through a private endpoint open to the rotation function only", () => {
    const rotation = resourceWith(s.template, "AWS::EC2::SecurityGroup", {
      GroupDescription: Match.stringLikeRegexp("rotation"),
    });
    s.template.hasResourceProperties("AWS::EC2::VPCEndpoint", {
      ServiceName: "com.amazonaws.us-east-1.secretsmanager",
      VpcEndpointType: "Interface",
      PrivateDnsEnabled: true,
    });
    const endpointRules = s.template.findResources("AWS::EC2::SecurityGroupIngress", {
      Properties: { FromPort: 443 },
    });
    expect(Object.values(endpointRules)).toEqual([
      expect.objectContaining({
        Properties: expect.objectContaining({
          SourceSecurityGroupId: { "Fn::GetAtt": [rotation.logicalId, "GroupId"] },
          ToPort: 443,
        }),
      }),
    ]);
  });

  test("vpcCidr chooses the CIDR", () => {
    const custom = synthFleet({ context: { vpcCidr: "10.42.0.0/16" } });
    custom.template.hasResourceProperties("AWS::EC2::VPC", { CidrBlock: "10.42.0.0/16" });
    expect(databaseSecurityGroup(custom).Properties.SecurityGroupIngress).toEqual([
      expect.objectContaining({ CidrIp: "10.42.0.0/16", FromPort: 5432 }),
    ]);
  });

  test("with rotation off there is no Secrets Manager endpoint and no rotation function", () => {
    const off = synthFleet({ context: { rotationDays: 0 } });
    off.template.resourceCountIs("AWS::EC2::VPCEndpoint", 0);
    off.template.resourceCountIs("AWS::SecretsManager::RotationSchedule", 0);
  });
});

describe("PostgreSQL access", () => {
  test("5432 only from the VPC CIDR, plus the rotation function's own group", () => {
    const s = synthFleet();
    const group = databaseSecurityGroup(s);
    expect(group.Properties.SecurityGroupIngress).toEqual([
      {
        CidrIp: "10.0.0.0/16",
        Description: "PostgreSQL from inside the VPC",
        FromPort: 5432,
        IpProtocol: "tcp",
        ToPort: 5432,
      },
    ]);
    const extraRules = Object.values(
      s.template.findResources("AWS::EC2::SecurityGroupIngress", {
        Properties: { GroupId: { "Fn::GetAtt": [group.logicalId, "GroupId"] } },
      }),
    );
    // The rotation function lives in the VPC (so the CIDR rule covers it too);
    // CDK also grants it by security group, on the writer's port.
    expect(extraRules).toHaveLength(1);
    expect(extraRules[0]).toMatchObject({
      Properties: {
        SourceSecurityGroupId: { "Fn::GetAtt": [expect.stringMatching(/^NetworkRotationSecurityGroup/), "GroupId"] },
      },
    });
  });

  test("and from the application security group when appSecurityGroupId is given", () => {
    const s = synthFleet({ context: { appSecurityGroupId: "sg-0123456789abcdef0" } });
    expect(databaseSecurityGroup(s).Properties.SecurityGroupIngress).toEqual([
      expect.objectContaining({ CidrIp: "10.0.0.0/16", FromPort: 5432, ToPort: 5432 }),
      {
        Description: "PostgreSQL from the application security group",
        FromPort: 5432,
        IpProtocol: "tcp",
        SourceSecurityGroupId: "sg-0123456789abcdef0",
        ToPort: 5432,
      },
    ]);
  });

  test("no instance is publicly accessible", () =>
    synthFleet().template.allResourcesProperties("AWS::RDS::DBInstance", { PubliclyAccessible: false }));
});

describe("createVpc=false with vpcId, vpcCidr, privateSubnetIds: imported without any lookup", () => {
  const subnets = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3"];
  const s = synthFleet({
    context: {
      createVpc: "false",
      vpcId: "vpc-0123456789abcdef0",
      vpcCidr: "172.31.0.0/16",
      privateSubnetIds: subnets.join(","),
    },
  });

  test("no VPC, subnet, endpoint or flow log is created", () => {
    for (const type of ["AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::VPCEndpoint", "AWS::EC2::FlowLog"]) {
      s.template.resourceCountIs(type, 0);
    }
  });

  test("the subnet group holds the given subnets and the groups live in the given VPC", () => {
    s.template.hasResourceProperties("AWS::RDS::DBSubnetGroup", { SubnetIds: subnets });
    expect(databaseSecurityGroup(s).Properties.VpcId).toBe("vpc-0123456789abcdef0");
  });

  test("5432 from the given CIDR", () =>
    expect(databaseSecurityGroup(s).Properties.SecurityGroupIngress).toEqual([
      expect.objectContaining({ CidrIp: "172.31.0.0/16", FromPort: 5432, ToPort: 5432 }),
    ]));

  test("the stack stays account-agnostic: the template is the same with or without credentials", () =>
    expect(Token.isUnresolved(s.stack.account)).toBe(true));
});

describe("createVpc=false alone: the VPC is looked up by its Name tag, as the seed's data sources did", () => {
  const lookupContext = { createVpc: false };

  /** The first pass of `cdk synth`: the app asks the CLI for the lookup and records what it asked. */
  function requestedLookups() {
    const outdir = mkdtempSync(join(tmpdir(), "rdsdeck-cdk-"));
    try {
      const app = new App({ outdir, context: { ...cdkJsonContext, ...lookupContext } });
      const { fleet, deployment } = readContext((key) => app.node.tryGetContext(key));
      new RdsdeckStack(app, "rdsdeck-production", {
        fleet,
        deployment,
        env: stackEnvironment(fleet, deployment, { CDK_DEFAULT_ACCOUNT: ACCOUNT }),
      });
      // CDK's placeholder VPC fails template validation; the manifest is written before that.
      expect(() => app.synth()).toThrow();
      const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
        missing?: { key: string; provider: string; props: Record<string, unknown> }[];
      };
      return manifest.missing ?? [];
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }

  test("asks for the VPC tagged Name=<env>-vpc, grouping subnets by their Type tag", () => {
    const [lookup, ...others] = requestedLookups();
    expect(others).toEqual([]);
    expect(lookup?.provider).toBe("vpc-provider");
    expect(lookup?.props).toMatchObject({
      account: ACCOUNT,
      region: "us-east-1",
      filter: { "tag:Name": "production-vpc" },
      subnetGroupNameTag: "Type",
    });
  });

  test("with the answer cached (cdk.context.json), uses the Type=private subnets and the VPC's CIDR", () => {
    const [lookup] = requestedLookups();
    const subnet = (n: number, group: string) => ({
      subnetId: `subnet-0${group === "private" ? "b" : "c"}bbbbbbbbbbbbbb${n}`,
      availabilityZone: `us-east-1${"abc"[n - 1]}`,
      routeTableId: `rtb-0bbbbbbbbbbbbbbb${n}`,
      cidr: `10.20.${n}.0/24`,
    });
    const answer = {
      vpcId: "vpc-0bbbbbbbbbbbbbbb0",
      vpcCidrBlock: "10.20.0.0/16",
      availabilityZones: [],
      subnetGroups: [
        { name: "private", type: "Private", subnets: [1, 2, 3].map((n) => subnet(n, "private")) },
        { name: "public", type: "Public", subnets: [1, 2, 3].map((n) => subnet(n, "public")) },
      ],
    };
    const s = synthFleet({
      context: { ...lookupContext, [lookup?.key ?? "missing"]: answer },
      processEnv: { CDK_DEFAULT_ACCOUNT: ACCOUNT },
    });
    s.template.resourceCountIs("AWS::EC2::VPC", 0);
    s.template.hasResourceProperties("AWS::RDS::DBSubnetGroup", {
      SubnetIds: [1, 2, 3].map((n) => subnet(n, "private").subnetId),
    });
    expect(databaseSecurityGroup(s).Properties.VpcId).toBe("vpc-0bbbbbbbbbbbbbbb0");
    expect(databaseSecurityGroup(s).Properties.SecurityGroupIngress).toEqual([
      expect.objectContaining({ CidrIp: "10.20.0.0/16", FromPort: 5432 }),
    ]);
    expect(s.stack.account).toBe(ACCOUNT);
  });

  test("without credentials it stops with a message naming the offline alternatives", () =>
    expect(() => synthFleet({ context: lookupContext })).toThrow(/needs AWS credentials.*createVpc=true.*vpcId/));
});
