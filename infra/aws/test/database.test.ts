/**
 * The writer and the replicas beyond what the seed set: keys, parameter
 * group, logs, credentials and rotation, placement, and how every setting
 * follows the fleet definition.
 */
import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, test } from "vitest";
import { defineFleet } from "../../fleet";
import { performanceInsightRetention, postgresEngine } from "../lib/postgres-settings";
import { resourceWith, synthFleet } from "./synth-fleet";

const s = synthFleet();
const instance = (id: string, from = s) =>
  resourceWith(from.template, "AWS::RDS::DBInstance", { DBInstanceIdentifier: id });
const writer = (from = s) => instance("production-myapp", from);
const fleetInstances = ["production-myapp", "production-myapp-replica-1", "production-myapp-replica-2"];
const dataKey = () => resourceWith(s.template, "AWS::KMS::Key", { Description: Match.stringLikeRegexp("storage") });
const keyArn = (logicalId: string) => ({ "Fn::GetAtt": [logicalId, "Arn"] });

describe("customer-managed keys", () => {
  test("the data key rotates yearly and outlives the stack (snapshots need it)", () => {
    const key = dataKey();
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.Properties.RotationPeriodInDays).toBe(365);
    expect(key.DeletionPolicy).toBe("Retain");
    s.template.hasResourceProperties("AWS::KMS::Alias", { AliasName: "alias/production/rds-data" });
  });

  test("CloudWatch Logs may use the data key only for this account's log groups", () => {
    const statements = (dataKey().Properties.KeyPolicy as { Statement: unknown[] }).Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: "AllowCloudWatchLogsOfThisAccount",
        Principal: { Service: "logs.us-east-1.amazonaws.com" },
        Condition: {
          ArnLike: {
            "kms:EncryptionContext:aws:logs:arn": {
              "Fn::Join": ["", ["arn:aws:logs:us-east-1:", { Ref: "AWS::AccountId" }, ":log-group:*"]],
            },
          },
        },
      }),
    );
  });

  test("storage, Performance Insights and the master secret use the data key", () => {
    for (const id of fleetInstances) {
      expect(instance(id).Properties.PerformanceInsightsKMSKeyId).toEqual(keyArn(dataKey().logicalId));
    }
    expect(writer().Properties.KmsKeyId).toEqual(keyArn(dataKey().logicalId));
    s.template.hasResourceProperties("AWS::SecretsManager::Secret", { KmsKeyId: keyArn(dataKey().logicalId) });
  });
});

describe("every instance of the fleet", () => {
  test.each(fleetInstances)("%s: IAM authentication, TLS parameter group, log exports, CA, patching", (id) => {
    const group = resourceWith(s.template, "AWS::RDS::DBParameterGroup");
    expect(instance(id).Properties).toMatchObject({
      EnableIAMDatabaseAuthentication: true,
      DBParameterGroupName: { Ref: group.logicalId },
      EnableCloudwatchLogsExports: ["postgresql", "upgrade"],
      CACertificateIdentifier: "rds-ca-rsa2048-g1",
      AutoMinorVersionUpgrade: true,
      DatabaseInsightsMode: "standard",
      StorageType: "gp3",
      MaxAllocatedStorage: 100,
      Port: "5432",
    });
  });

  test.each(fleetInstances)("%s: its log groups exist first, encrypted, with retention", (id) => {
    const logGroups = ["postgresql", "upgrade"].map((log) =>
      resourceWith(s.template, "AWS::Logs::LogGroup", { LogGroupName: `/aws/rds/instance/${id}/${log}` }),
    );
    for (const group of logGroups) {
      expect(group.Properties).toMatchObject({ RetentionInDays: 30, KmsKeyId: keyArn(dataKey().logicalId) });
      expect(group.DeletionPolicy).toBe("Retain");
    }
    expect(instance(id).DependsOn).toEqual(expect.arrayContaining(logGroups.map((g) => g.logicalId)));
  });

  test("the parameter group forces TLS and logs what an operator needs", () =>
    s.template.hasResourceProperties("AWS::RDS::DBParameterGroup", {
      Family: "postgres17",
      Parameters: {
        "rds.force_ssl": "1",
        log_connections: "1",
        log_disconnections: "1",
        log_min_duration_statement: "1000",
        log_lock_waits: "1",
        log_temp_files: "0",
        log_autovacuum_min_duration: "10000",
        log_statement: "ddl",
      },
    }));

  test("logRetentionDays sets every log group's retention", () => {
    const week = synthFleet({ context: { logRetentionDays: "7" } });
    week.template.allResourcesProperties("AWS::Logs::LogGroup", { RetentionInDays: 7 });
  });
});

describe("the writer", () => {
  test("is Multi-AZ, so RDS picks its zones (an AvailabilityZone would be rejected)", () => {
    expect(writer().Properties.MultiAZ).toBe(true);
    expect(writer().Properties).not.toHaveProperty("AvailabilityZone");
  });

  test("keeps automated backups after deletion and opts out of Extended Support", () =>
    expect(writer().Properties).toMatchObject({
      DeleteAutomatedBackups: false,
      EngineLifecycleSupport: "open-source-rds-extended-support-disabled",
    }));

  test("its master secret is generated, named after the writer, never a template parameter", () => {
    s.template.hasResourceProperties("AWS::SecretsManager::Secret", {
      Name: "production-myapp/master",
      GenerateSecretString: Match.objectLike({ GenerateStringKey: "password", PasswordLength: 30 }),
    });
    expect(s.template.toJSON().Parameters ?? {}).not.toHaveProperty("DbPassword");
  });

  test("the master password rotates every 30 days by default, inside the VPC", () => {
    s.template.hasResourceProperties("AWS::SecretsManager::RotationSchedule", {
      RotationRules: { ScheduleExpression: "rate(30 days)" },
    });
    const rotation = resourceWith(s.template, "AWS::Serverless::Application");
    const parameters = rotation.Properties.Parameters as Record<string, unknown>;
    expect(JSON.stringify(parameters.endpoint)).toContain("secretsmanager.us-east-1");
    expect(JSON.stringify(parameters.vpcSecurityGroupIds)).toContain("NetworkRotationSecurityGroup");
    expect(JSON.stringify(parameters.kmsKeyArn)).toContain(dataKey().logicalId);
  });

  test("rotationDays changes the interval; 0 turns rotation off", () => {
    synthFleet({ context: { rotationDays: "7" } }).template.hasResourceProperties(
      "AWS::SecretsManager::RotationSchedule",
      { RotationRules: { ScheduleExpression: "rate(7 days)" } },
    );
    synthFleet({ context: { rotationDays: 0 } }).template.resourceCountIs("AWS::Serverless::Application", 0);
  });
});

describe("the read replicas", () => {
  test("are placed in the zones the fleet definition gives them (writer, standby, then round-robin)", () => {
    expect(instance("production-myapp-replica-1").Properties.AvailabilityZone).toBe("us-east-1c");
    expect(instance("production-myapp-replica-2").Properties.AvailabilityZone).toBe("us-east-1a");
  });

  test("are disposable: deleted with the stack (RDS cannot snapshot a replica), not deletion-protected", () => {
    for (const id of fleetInstances.slice(1)) {
      expect(instance(id).DeletionPolicy).toBe("Delete");
      expect(instance(id).Properties.DeletionProtection).toBe(false);
      expect(instance(id).Properties).not.toHaveProperty("BackupRetentionPeriod");
    }
  });

  test("their number comes from the definition", () => {
    const three = synthFleet({ context: { fleet: { replicaCount: 3 } } });
    expect(Object.keys(three.template.findResources("AWS::RDS::DBInstance"))).toHaveLength(4);
    instance("production-myapp-replica-3", three);
    const none = synthFleet({ context: { fleet: '{"replicaCount":0}' } });
    none.template.resourceCountIs("AWS::RDS::DBInstance", 1);
    expect(none.template.toJSON().Outputs).not.toHaveProperty("ReplicaEndpoints");
  });
});

describe("the fleet definition drives every setting", () => {
  const staging = synthFleet({
    context: {
      environment: "staging",
      fleet: {
        databaseName: "orders",
        instanceClass: "db.t4g.small",
        allocatedStorageGiB: 50,
        maxAllocatedStorageGiB: 200,
        storageType: "io2",
        backupRetentionDays: 14,
        preferredBackupWindow: "01:00-02:00",
        preferredMaintenanceWindow: "sat:02:00-sat:03:00",
        performanceInsightsRetentionDays: 31,
        monitoringIntervalSeconds: 15,
        multiAz: false,
        deletionProtection: false,
      },
    },
  });

  test("names, class, storage, windows, retention", () => {
    const w = instance("staging-orders", staging);
    expect(w.Properties).toMatchObject({
      DBName: "orders",
      DBInstanceClass: "db.t4g.small",
      AllocatedStorage: "50",
      MaxAllocatedStorage: 200,
      StorageType: "io2",
      BackupRetentionPeriod: 14,
      PreferredBackupWindow: "01:00-02:00",
      PreferredMaintenanceWindow: "sat:02:00-sat:03:00",
      PerformanceInsightsRetentionPeriod: 31,
      MonitoringInterval: 15,
      MultiAZ: false,
      DeletionProtection: false,
    });
    instance("staging-orders-replica-2", staging);
    staging.template.hasResourceProperties("AWS::RDS::DBSubnetGroup", { DBSubnetGroupName: "staging-db-subnet-group" });
    staging.template.hasResourceProperties("AWS::IAM::Role", { RoleName: "staging-rds-enhanced-monitoring" });
  });

  test("monitoringIntervalSeconds = 0 means no Enhanced Monitoring and no role", () => {
    const off = synthFleet({ context: { fleet: { monitoringIntervalSeconds: 0 } } });
    off.template.allResourcesProperties("AWS::RDS::DBInstance", { MonitoringInterval: Match.absent() });
    expect(
      Object.keys(off.template.findResources("AWS::IAM::Role", { Properties: { RoleName: Match.anyValue() } })),
    ).toEqual([]);
  });

  test("an engine version aws-cdk-lib does not know fails the synth, listing the ones it knows", () =>
    expect(() => postgresEngine(defineFleet({ engineVersion: "17.99" }))).toThrow(/17\.99.*known: 17, 17\.1.*17\.6/));

  test("a Performance Insights retention RDS refuses fails the synth", () => {
    expect(performanceInsightRetention(62)).toBe(62);
    expect(() => performanceInsightRetention(30)).toThrow(/31 × n/);
  });
});
