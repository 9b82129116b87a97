/**
 * The fleet itself: the Multi-AZ writer and its read replicas, every setting
 * taken from the fleet definition.
 */
import { Duration, RemovalPolicy, Tags, Validations } from "aws-cdk-lib";
import { InstanceType } from "aws-cdk-lib/aws-ec2";
import type { Role } from "aws-cdk-lib/aws-iam";
import {
  CaCertificate,
  Credentials,
  DatabaseInsightsMode,
  DatabaseInstance,
  type DatabaseInstanceNewProps,
  DatabaseInstanceReadReplica,
  EngineLifecycleSupport,
  type IInstanceEngine,
  type ParameterGroup,
  StorageType,
} from "aws-cdk-lib/aws-rds";
import { Construct } from "constructs";
import { type Fleet, fleetNames, placement } from "../../fleet";
import type { Deployment } from "./context";
import type { FleetKeys } from "./encryption";
import { type FleetNetwork, POSTGRES_PORT } from "./network";
import {
  enhancedMonitoringRole,
  exportedLogGroups,
  fleetParameterGroup,
  LOG_EXPORTS,
  performanceInsightRetention,
  postgresEngine,
} from "./postgres-settings";

export interface FleetDatabaseProps {
  fleet: Fleet;
  deployment: Deployment;
  network: FleetNetwork;
  keys: FleetKeys;
}

const STORAGE_TYPES = { gp2: StorageType.GP2, gp3: StorageType.GP3, io1: StorageType.IO1, io2: StorageType.IO2 };

export class FleetDatabase extends Construct {
  readonly engine: IInstanceEngine;
  readonly parameterGroup: ParameterGroup;
  readonly monitoringRole?: Role;
  readonly writer: DatabaseInstance;
  readonly replicas: DatabaseInstanceReadReplica[];

  constructor(scope: Construct, id: string, { fleet, deployment, network, keys }: FleetDatabaseProps) {
    super(scope, id);
    const names = fleetNames(fleet);
    this.engine = postgresEngine(fleet);
    this.parameterGroup = fleetParameterGroup(this, fleet, this.engine);
    if (fleet.monitoringIntervalSeconds > 0) this.monitoringRole = enhancedMonitoringRole(this, fleet);

    // What the writer and every replica have in common.
    const shared = {
      vpc: network.vpc,
      vpcSubnets: network.subnets,
      subnetGroup: network.subnetGroup,
      securityGroups: [network.securityGroup],
      port: POSTGRES_PORT,
      publiclyAccessible: false,
      instanceType: new InstanceType(fleet.instanceClass.replace(/^db\./, "")),
      storageType: STORAGE_TYPES[fleet.storageType],
      maxAllocatedStorage: fleet.maxAllocatedStorageGiB,
      parameterGroup: this.parameterGroup,
      iamAuthentication: true,
      ...(this.monitoringRole
        ? { monitoringInterval: Duration.seconds(fleet.monitoringIntervalSeconds), monitoringRole: this.monitoringRole }
        : {}),
      enablePerformanceInsights: true,
      performanceInsightRetention: performanceInsightRetention(fleet.performanceInsightsRetentionDays),
      performanceInsightEncryptionKey: keys.data,
      databaseInsightsMode: DatabaseInsightsMode.STANDARD,
      cloudwatchLogsExports: [...LOG_EXPORTS],
      // RDS applies patch releases in the maintenance window. CloudFormation
      // diffs templates, not live state, so this does not fight engineVersion;
      // raise engineVersion to at least the running version before changing it.
      autoMinorVersionUpgrade: true,
      preferredMaintenanceWindow: fleet.preferredMaintenanceWindow,
      caCertificate: CaCertificate.RDS_CA_RSA2048_G1,
    } satisfies Partial<DatabaseInstanceNewProps> & { instanceType: InstanceType };

    const writerLogs = exportedLogGroups(this, "WriterLogs", names.writer, deployment.logRetention, keys.data);
    this.writer = new DatabaseInstance(this, "Writer", {
      ...shared,
      instanceIdentifier: names.writer,
      engine: this.engine,
      // Never a plaintext parameter: RDS gets a generated password through a
      // dynamic reference to this secret, encrypted with the fleet's key.
      credentials: Credentials.fromGeneratedSecret(fleet.masterUsername, {
        secretName: `${names.writer}/master`,
        encryptionKey: keys.data,
      }),
      databaseName: fleet.databaseName,
      multiAz: fleet.multiAz,
      allocatedStorage: fleet.allocatedStorageGiB,
      storageEncrypted: fleet.storageEncrypted,
      storageEncryptionKey: keys.data,
      backupRetention: Duration.days(fleet.backupRetentionDays),
      preferredBackupWindow: fleet.preferredBackupWindow,
      copyTagsToSnapshot: true,
      // Keep automated backups for their retention period even after deletion.
      deleteAutomatedBackups: false,
      deletionProtection: fleet.deletionProtection,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      // No surprise Extended Support charges once the major leaves standard support.
      engineLifecycleSupport: EngineLifecycleSupport.OPEN_SOURCE_RDS_EXTENDED_SUPPORT_DISABLED,
    });
    this.writer.node.addDependency(...writerLogs);
    Tags.of(this.writer).add("Name", names.writer);

    if (deployment.rotationDays === 0) {
      Validations.of(this.writer).acknowledge({
        id: "AwsSolutions-SMG4",
        reason: "Rotation was turned off on purpose with the rotationDays=0 context flag.",
      });
    } else {
      this.writer.addRotationSingleUser({
        automaticallyAfter: Duration.days(deployment.rotationDays),
        vpcSubnets: network.subnets,
        ...(network.rotationSecurityGroup ? { securityGroup: network.rotationSecurityGroup } : {}),
        ...(network.secretsManagerEndpoint ? { endpoint: network.secretsManagerEndpoint } : {}),
      });
    }

    const where = placement(fleet);
    this.replicas = names.replicas.map((identifier, index) => {
      const id = `Replica${index + 1}`;
      const logs = exportedLogGroups(this, `${id}Logs`, identifier, deployment.logRetention, keys.data);
      const replica = new DatabaseInstanceReadReplica(this, id, {
        ...shared,
        instanceIdentifier: identifier,
        sourceDatabaseInstance: this.writer,
        availabilityZone: where.replica(index),
        // Encryption is inherited: a same-region replica uses the writer's key,
        // and CloudFormation rejects StorageEncrypted next to a source instance.
        deletionProtection: false,
        // RDS cannot take a final snapshot of a read replica; its data is the writer's.
        removalPolicy: RemovalPolicy.DESTROY,
      });
      replica.node.addDependency(...logs);
      Tags.of(replica).add("Name", identifier);
      Validations.of(replica).acknowledge(
        {
          id: "AwsSolutions-RDS2",
          reason:
            "Encrypted with the writer's key: a replica inherits it, and CloudFormation rejects the setting on one.",
        },
        {
          id: "AwsSolutions-RDS10",
          reason: "A replica holds no data of its own; the stack recreates it from the writer, which is protected.",
        },
        {
          id: "CloudFormation-Validate::W3010",
          reason:
            "The fleet definition places each replica in a named zone, so local and AWS fleets share one topology.",
        },
        {
          id: "AwsSolutions-RDS3",
          reason:
            "A read replica scales reads; its availability comes from the other replicas and the Multi-AZ writer.",
        },
        {
          id: "AwsSolutions-RDS13",
          reason: "Backups are taken on the Multi-AZ writer; a replica only holds a copy of the writer's data.",
        },
      );
      return replica;
    });

    for (const instance of [this.writer, ...this.replicas]) {
      Validations.of(instance).acknowledge({
        id: "AwsSolutions-RDS11",
        reason:
          "5432 stays: the fleet is reachable only from inside its VPC, and clients, the local fleet and tooling expect it.",
      });
    }
  }
}
