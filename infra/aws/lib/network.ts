/**
 * Where the fleet lives: the VPC (created, imported by id, or looked up by its
 * Name tag as the seed did), the private subnets in a DB subnet group, and the
 * security group that admits PostgreSQL from inside the VPC only.
 */
import { RemovalPolicy, Tags, Validations } from "aws-cdk-lib";
import {
  FlowLogDestination,
  FlowLogTrafficType,
  type IInterfaceVpcEndpoint,
  InterfaceVpcEndpoint,
  InterfaceVpcEndpointAwsService,
  IpAddresses,
  type IVpc,
  Peer,
  Port,
  SecurityGroup,
  type SubnetSelection,
  SubnetType,
  Vpc,
} from "aws-cdk-lib/aws-ec2";
import type { IKey } from "aws-cdk-lib/aws-kms";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { SubnetGroup } from "aws-cdk-lib/aws-rds";
import { Construct } from "constructs";
import { type Fleet, fleetNames } from "../../fleet";
import type { Deployment } from "./context";

export const POSTGRES_PORT = 5432;

/** The seed selected its subnets by the tag `Type=private`; created subnets carry it too. */
const PRIVATE_SUBNETS = "private";

export interface FleetNetworkProps {
  fleet: Fleet;
  deployment: Deployment;
  dataKey: IKey;
}

export class FleetNetwork extends Construct {
  readonly vpc: IVpc;
  readonly vpcCidr: string;
  readonly subnets: SubnetSelection = { subnetGroupName: PRIVATE_SUBNETS };
  readonly subnetGroup: SubnetGroup;
  readonly securityGroup: SecurityGroup;
  /** The master password rotation function's own security group, when rotation is on. */
  readonly rotationSecurityGroup?: SecurityGroup;
  /** Only in a VPC this stack creates: its subnets have no route out, so rotation reaches Secrets Manager here. */
  readonly secretsManagerEndpoint?: IInterfaceVpcEndpoint;

  constructor(scope: Construct, id: string, { fleet, deployment, dataKey }: FleetNetworkProps) {
    super(scope, id);
    const env = fleet.environment;
    const source = deployment.vpc;

    if (source.kind === "create") {
      this.vpc = this.createVpc(fleet, source.cidr, deployment, dataKey);
      // The literal, not the VPC's CidrBlock attribute: rules stay readable and checkable.
      this.vpcCidr = source.cidr;
    } else if (source.kind === "import") {
      // No lookup: ids come from context, so synth needs no credentials.
      this.vpc = Vpc.fromVpcAttributes(this, "Vpc", {
        vpcId: source.vpcId,
        vpcCidrBlock: source.cidr,
        availabilityZones: fleet.availabilityZones,
        privateSubnetIds: source.privateSubnetIds,
        privateSubnetNames: [PRIVATE_SUBNETS],
      });
      Validations.of(this.vpc).acknowledge({
        id: "Annotation::@aws-cdk/aws-ec2:noSubnetRouteTableId",
        reason: "The fleet places instances in these subnets and never reads or changes their route tables.",
      });
      this.vpcCidr = source.cidr;
    } else {
      // The seed's data sources: the VPC named `<env>-vpc`, its subnets tagged
      // Type=private. Needs credentials once; the answer is cached in cdk.context.json.
      this.vpc = Vpc.fromLookup(this, "Vpc", { tags: { Name: `${env}-vpc` }, subnetGroupNameTag: "Type" });
      this.vpcCidr = this.vpc.vpcCidrBlock;
    }

    if (deployment.rotationDays > 0) {
      this.rotationSecurityGroup = new SecurityGroup(this, "RotationSecurityGroup", {
        vpc: this.vpc,
        description: `${env} RDS fleet: master password rotation function`,
        // Reaches PostgreSQL and the Secrets Manager API (through the VPC's own route out when imported).
        allowAllOutbound: true,
      });
      if (source.kind === "create") {
        const endpoint = new InterfaceVpcEndpoint(this, "SecretsManagerEndpoint", {
          vpc: this.vpc,
          service: InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
          subnets: this.subnets,
          privateDnsEnabled: true,
          // Only the rotation function uses it.
          open: false,
        });
        endpoint.connections.allowDefaultPortFrom(this.rotationSecurityGroup, "Secrets Manager API for rotation");
        this.secretsManagerEndpoint = endpoint;
      }
    }

    const names = fleetNames(fleet);
    this.subnetGroup = new SubnetGroup(this, "SubnetGroup", {
      vpc: this.vpc,
      vpcSubnets: this.subnets,
      subnetGroupName: names.subnetGroup,
      description: `${env} RDS fleet: private subnets`,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Tags.of(this.subnetGroup).add("Name", names.subnetGroup);

    this.securityGroup = new SecurityGroup(this, "DatabaseSecurityGroup", {
      vpc: this.vpc,
      description: `${env} RDS fleet: PostgreSQL from inside ${env}-vpc only`,
      // A PostgreSQL instance never opens connections of its own; the seed's
      // allow-all egress rule only widened what a compromised instance could reach.
      allowAllOutbound: false,
    });
    Tags.of(this.securityGroup).add("Name", `${env}-rds-sg`);
    this.securityGroup.addIngressRule(
      Peer.ipv4(this.vpcCidr),
      Port.tcp(POSTGRES_PORT),
      "PostgreSQL from inside the VPC",
    );
    if (deployment.appSecurityGroupId) {
      this.securityGroup.addIngressRule(
        Peer.securityGroupId(deployment.appSecurityGroupId),
        Port.tcp(POSTGRES_PORT),
        "PostgreSQL from the application security group",
      );
    }
  }

  private createVpc(fleet: Fleet, cidr: string, deployment: Deployment, dataKey: IKey): Vpc {
    const env = fleet.environment;
    const flowLogs = new LogGroup(this, "FlowLogs", {
      logGroupName: `/aws/vpc/${env}-vpc/flow-logs`,
      retention: deployment.logRetention,
      encryptionKey: dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const vpc = new Vpc(this, "Vpc", {
      vpcName: `${env}-vpc`,
      ipAddresses: IpAddresses.cidr(cidr),
      // Explicit AZs: nothing is looked up, and they match the fleet's placement.
      availabilityZones: fleet.availabilityZones,
      // Isolated subnets: no internet gateway, no NAT. The database needs no
      // route out; rotation uses the Secrets Manager interface endpoint.
      natGateways: 0,
      subnetConfiguration: [{ name: PRIVATE_SUBNETS, subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      restrictDefaultSecurityGroup: true,
      flowLogs: {
        all: { destination: FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: FlowLogTrafficType.ALL },
      },
    });
    for (const subnet of vpc.isolatedSubnets) Tags.of(subnet).add("Type", PRIVATE_SUBNETS);
    return vpc;
  }
}
