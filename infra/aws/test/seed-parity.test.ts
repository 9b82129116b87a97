/**
 * One assertion per setting of the seed's Terraform (rds.tf), in its order.
 * Each row names the Terraform resource and attribute; README's parity table
 * lists the same rows. Where rdsdeck deliberately differs, the row asserts
 * rdsdeck's value and says so.
 */
import { Match } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, test } from "vitest";
import { resourceWith, synthFleet } from "./synth-fleet";

let s: ReturnType<typeof synthFleet>;
beforeAll(() => {
  s = synthFleet();
});

const writer = () => resourceWith(s.template, "AWS::RDS::DBInstance", { DBInstanceIdentifier: "production-myapp" });
const replica = (n: number) =>
  resourceWith(s.template, "AWS::RDS::DBInstance", { DBInstanceIdentifier: `production-myapp-replica-${n}` });
const securityGroup = () =>
  resourceWith(s.template, "AWS::EC2::SecurityGroup", {
    Tags: Match.arrayWith([{ Key: "Name", Value: "production-rds-sg" }]),
  });
const subnetGroup = () => resourceWith(s.template, "AWS::RDS::DBSubnetGroup");
const monitoringRole = () =>
  resourceWith(s.template, "AWS::IAM::Role", { RoleName: "production-rds-enhanced-monitoring" });
const alarm = (name: string) => resourceWith(s.template, "AWS::CloudWatch::Alarm", { AlarmName: name });
const topic = () => resourceWith(s.template, "AWS::SNS::Topic");
const ref = (logicalId: string) => ({ Ref: logicalId });
const tags = (name: string) =>
  expect.arrayContaining([
    { Key: "Environment", Value: "production" },
    { Key: "Name", Value: name },
  ]);

describe("variables", () => {
  test('environment = "production" → every resource is tagged Environment=production', () => {
    for (const [, r] of Object.entries(
      s.template.toJSON().Resources as Record<string, { Properties?: { Tags?: unknown } }>,
    )) {
      if (Array.isArray(r.Properties?.Tags))
        expect(r.Properties.Tags).toContainEqual({ Key: "Environment", Value: "production" });
    }
  });
  test('db_instance_class = "db.t3.micro"', () => expect(writer().Properties.DBInstanceClass).toBe("db.t3.micro"));
  test('db_name = "myapp"', () => expect(writer().Properties.DBName).toBe("myapp"));
  test('db_username = "admin" → "dbadmin" (deliberate: RDS for PostgreSQL reserves "admin")', () =>
    expect(writer().Properties.MasterUsername).toBe("dbadmin"));
  test("db_password (sensitive variable) → generated secret, resolved by RDS at deploy time (deliberate)", () => {
    expect(JSON.stringify(writer().Properties.MasterUserPassword)).toContain("{{resolve:secretsmanager:");
    s.template.hasResourceProperties("AWS::SecretsManager::Secret", {
      GenerateSecretString: Match.objectLike({
        GenerateStringKey: "password",
        SecretStringTemplate: '{"username":"dbadmin"}',
      }),
    });
  });
});

describe("aws_db_subnet_group.main", () => {
  test('name = "<environment>-db-subnet-group"', () =>
    expect(subnetGroup().Properties.DBSubnetGroupName).toBe("production-db-subnet-group"));
  test("subnet_ids = the private subnets", () => {
    const subnets = Object.keys(
      s.template.findResources("AWS::EC2::Subnet", {
        Properties: { Tags: Match.arrayWith([{ Key: "Type", Value: "private" }]) },
      }),
    );
    expect(subnets).toHaveLength(3);
    expect(subnetGroup().Properties.SubnetIds).toEqual(subnets.map(ref));
  });
  test("tags Name, Environment", () =>
    expect(subnetGroup().Properties.Tags).toEqual(tags("production-db-subnet-group")));
});

describe("aws_security_group.rds", () => {
  test("vpc_id = the fleet's VPC", () => {
    const vpc = resourceWith(s.template, "AWS::EC2::VPC");
    expect(securityGroup().Properties.VpcId).toEqual(ref(vpc.logicalId));
  });
  test("ingress tcp 5432 from the VPC CIDR only", () =>
    expect(securityGroup().Properties.SecurityGroupIngress).toEqual([
      {
        CidrIp: "10.0.0.0/16",
        Description: "PostgreSQL from inside the VPC",
        FromPort: 5432,
        IpProtocol: "tcp",
        ToPort: 5432,
      },
    ]));
  test("egress all → none (deliberate: PostgreSQL opens no connections)", () =>
    // CDK's marker rule for "no egress": a rule no packet can match.
    expect(securityGroup().Properties.SecurityGroupEgress).toEqual([
      expect.objectContaining({ CidrIp: "255.255.255.255/32", Description: "Disallow all traffic" }),
    ]));
  test('name_prefix "<environment>-rds-" → tag Name=production-rds-sg, CloudFormation names the group', () =>
    expect(securityGroup().Properties.Tags).toEqual(tags("production-rds-sg")));
});

describe("aws_db_instance.main", () => {
  test('identifier = "<environment>-<db_name>"', () =>
    expect(writer().Properties.DBInstanceIdentifier).toBe("production-myapp"));
  test('engine = "postgres"', () => expect(writer().Properties.Engine).toBe("postgres"));
  test('engine_version = "14.7" → 17.6 (deliberate: 14 left standard support; same major as the local fleet)', () =>
    expect(writer().Properties.EngineVersion).toBe("17.6"));
  test("instance_class = var.db_instance_class", () => expect(writer().Properties.DBInstanceClass).toBe("db.t3.micro"));
  test("allocated_storage = 20", () => expect(writer().Properties.AllocatedStorage).toBe("20"));
  test("max_allocated_storage = 100", () => expect(writer().Properties.MaxAllocatedStorage).toBe(100));
  test('storage_type = "gp2" → gp3 (deliberate: same price, 3000 IOPS baseline)', () =>
    expect(writer().Properties.StorageType).toBe("gp3"));
  test("storage_encrypted = true, with the fleet's customer-managed key", () => {
    const key = resourceWith(s.template, "AWS::KMS::Key", { Description: Match.stringLikeRegexp("storage") });
    expect(writer().Properties.StorageEncrypted).toBe(true);
    expect(writer().Properties.KmsKeyId).toEqual({ "Fn::GetAtt": [key.logicalId, "Arn"] });
  });
  test("db_name = var.db_name", () => expect(writer().Properties.DBName).toBe("myapp"));
  test("username = var.db_username", () => expect(writer().Properties.MasterUsername).toBe("dbadmin"));
  test("password = var.db_password → dynamic reference to the generated secret", () => {
    const secret = resourceWith(s.template, "AWS::SecretsManager::Secret");
    expect(writer().Properties.MasterUserPassword).toEqual({
      "Fn::Join": ["", ["{{resolve:secretsmanager:", ref(secret.logicalId), ":SecretString:password::}}"]],
    });
  });
  test("vpc_security_group_ids = [the rds security group]", () =>
    expect(writer().Properties.VPCSecurityGroups).toEqual([{ "Fn::GetAtt": [securityGroup().logicalId, "GroupId"] }]));
  test("db_subnet_group_name = the subnet group", () =>
    expect(writer().Properties.DBSubnetGroupName).toEqual(ref(subnetGroup().logicalId)));
  test("publicly_accessible = false", () => expect(writer().Properties.PubliclyAccessible).toBe(false));
  test("backup_retention_period = 7", () => expect(writer().Properties.BackupRetentionPeriod).toBe(7));
  test('backup_window = "03:00-04:00"', () => expect(writer().Properties.PreferredBackupWindow).toBe("03:00-04:00"));
  test('maintenance_window = "sun:04:00-sun:05:00"', () =>
    expect(writer().Properties.PreferredMaintenanceWindow).toBe("sun:04:00-sun:05:00"));
  test("copy_tags_to_snapshot = true", () => expect(writer().Properties.CopyTagsToSnapshot).toBe(true));
  test("monitoring_interval = 60", () => expect(writer().Properties.MonitoringInterval).toBe(60));
  test("monitoring_role_arn = the enhanced monitoring role", () =>
    expect(writer().Properties.MonitoringRoleArn).toEqual({ "Fn::GetAtt": [monitoringRole().logicalId, "Arn"] }));
  test("performance_insights_enabled = true", () => expect(writer().Properties.EnablePerformanceInsights).toBe(true));
  test("performance_insights_retention_period = 7", () =>
    expect(writer().Properties.PerformanceInsightsRetentionPeriod).toBe(7));
  test("multi_az = true", () => expect(writer().Properties.MultiAZ).toBe(true));
  test("deletion_protection = true", () => expect(writer().Properties.DeletionProtection).toBe(true));
  test("skip_final_snapshot = false → DeletionPolicy and UpdateReplacePolicy Snapshot", () => {
    expect(writer().DeletionPolicy).toBe("Snapshot");
    expect(writer().UpdateReplacePolicy).toBe("Snapshot");
  });
  test("final_snapshot_identifier → named by CloudFormation (it offers no property for the name)", () =>
    expect(writer().Properties).not.toHaveProperty("FinalDBSnapshotIdentifier"));
  test("tags Name, Environment", () => expect(writer().Properties.Tags).toEqual(tags("production-myapp")));
});

describe("aws_db_instance.read_replica", () => {
  test("count = 2", () =>
    expect(
      Object.keys(
        s.template.findResources("AWS::RDS::DBInstance", {
          Properties: { SourceDBInstanceIdentifier: Match.anyValue() },
        }),
      ),
    ).toHaveLength(2));
  for (const n of [1, 2]) {
    describe(`replica ${n}`, () => {
      test('identifier = "<environment>-<db_name>-replica-<count.index + 1>"', () =>
        expect(replica(n).Properties.DBInstanceIdentifier).toBe(`production-myapp-replica-${n}`));
      test("replicate_source_db = the writer", () =>
        expect(JSON.stringify(replica(n).Properties.SourceDBInstanceIdentifier)).toContain(
          JSON.stringify(ref(writer().logicalId)),
        ));
      test("instance_class = var.db_instance_class", () =>
        expect(replica(n).Properties.DBInstanceClass).toBe("db.t3.micro"));
      test("storage_encrypted = true → inherited from the writer's key (CloudFormation rejects it on a replica)", () => {
        expect(replica(n).Properties).not.toHaveProperty("StorageEncrypted");
        expect(writer().Properties.StorageEncrypted).toBe(true);
      });
      test("vpc_security_group_ids, db_subnet_group_name", () => {
        expect(replica(n).Properties.VPCSecurityGroups).toEqual(writer().Properties.VPCSecurityGroups);
        expect(replica(n).Properties.DBSubnetGroupName).toEqual(ref(subnetGroup().logicalId));
      });
      test("publicly_accessible = false", () => expect(replica(n).Properties.PubliclyAccessible).toBe(false));
      test("monitoring_interval = 60, monitoring_role_arn", () => {
        expect(replica(n).Properties.MonitoringInterval).toBe(60);
        expect(replica(n).Properties.MonitoringRoleArn).toEqual({ "Fn::GetAtt": [monitoringRole().logicalId, "Arn"] });
      });
      test("performance_insights_enabled = true, retention 7", () => {
        expect(replica(n).Properties.EnablePerformanceInsights).toBe(true);
        expect(replica(n).Properties.PerformanceInsightsRetentionPeriod).toBe(7);
      });
      test("tags Name, Environment", () =>
        expect(replica(n).Properties.Tags).toEqual(tags(`production-myapp-replica-${n}`)));
    });
  }
});

describe("aws_iam_role.rds_enhanced_monitoring (+ policy attachment)", () => {
  test('name = "<environment>-rds-enhanced-monitoring"', () =>
    expect(monitoringRole().Properties.RoleName).toBe("production-rds-enhanced-monitoring"));
  test("assume_role_policy: sts:AssumeRole by monitoring.rds.amazonaws.com (+ this account only)", () =>
    expect(monitoringRole().Properties.AssumeRolePolicyDocument).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Action: "sts:AssumeRole",
          Effect: "Allow",
          Principal: { Service: "monitoring.rds.amazonaws.com" },
          Condition: { StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } } },
        },
      ],
    }));
  test("policy_arn = AmazonRDSEnhancedMonitoringRole", () =>
    expect(monitoringRole().Properties.ManagedPolicyArns).toEqual([
      {
        "Fn::Join": [
          "",
          ["arn:", { Ref: "AWS::Partition" }, ":iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"],
        ],
      },
    ]));
  test("tags Environment", () =>
    expect(monitoringRole().Properties.Tags).toContainEqual({ Key: "Environment", Value: "production" }));
});

describe.each([
  ["aws_cloudwatch_metric_alarm.database_cpu", "production-rds-cpu-utilization", "CPUUtilization", "CPU utilization"],
  [
    "aws_cloudwatch_metric_alarm.database_connections",
    "production-rds-database-connections",
    "DatabaseConnections",
    "Connections",
  ],
])("%s", (_, name, metric, description) => {
  test(`alarm_name = "${name}"`, () => expect(alarm(name).Properties.AlarmName).toBe(name));
  test('comparison_operator = "GreaterThanThreshold"', () =>
    expect(alarm(name).Properties.ComparisonOperator).toBe("GreaterThanThreshold"));
  test("evaluation_periods = 2", () => expect(alarm(name).Properties.EvaluationPeriods).toBe(2));
  test(`metric_name = "${metric}"`, () => expect(alarm(name).Properties.MetricName).toBe(metric));
  test('namespace = "AWS/RDS"', () => expect(alarm(name).Properties.Namespace).toBe("AWS/RDS"));
  test("period = 300", () => expect(alarm(name).Properties.Period).toBe(300));
  test('statistic = "Average"', () => expect(alarm(name).Properties.Statistic).toBe("Average"));
  test("threshold = 80", () => expect(alarm(name).Properties.Threshold).toBe(80));
  test("alarm_description", () => expect(alarm(name).Properties.AlarmDescription).toContain(description));
  test("alarm_actions = [the alerts topic]", () =>
    expect(alarm(name).Properties.AlarmActions).toEqual([ref(topic().logicalId)]));
  test("dimensions DBInstanceIdentifier = the writer", () =>
    expect(alarm(name).Properties.Dimensions).toEqual([
      { Name: "DBInstanceIdentifier", Value: ref(writer().logicalId) },
    ]));
  test("tags Environment", () =>
    expect(alarm(name).Properties.Tags).toContainEqual({ Key: "Environment", Value: "production" }));
});

describe("aws_sns_topic.alerts", () => {
  test('name = "<environment>-rds-alerts"', () => expect(topic().Properties.TopicName).toBe("production-rds-alerts"));
  test("tags Environment", () =>
    expect(topic().Properties.Tags).toContainEqual({ Key: "Environment", Value: "production" }));
});

describe("outputs", () => {
  const output = (name: string) => (s.template.toJSON().Outputs as Record<string, { Value: unknown }>)[name];
  test("db_instance_endpoint → WriterEndpoint (host:port)", () =>
    expect(output("WriterEndpoint")?.Value).toEqual({
      "Fn::Join": [
        "",
        [
          { "Fn::GetAtt": [writer().logicalId, "Endpoint.Address"] },
          ":",
          { "Fn::GetAtt": [writer().logicalId, "Endpoint.Port"] },
        ],
      ],
    }));
  test("db_instance_arn → WriterArn", () =>
    expect(output("WriterArn")?.Value).toEqual({
      "Fn::Join": ["", ["arn:aws:rds:us-east-1:", { Ref: "AWS::AccountId" }, ":db:", ref(writer().logicalId)]],
    }));
  test("read_replica_endpoints → ReplicaEndpoints (comma-separated host:port)", () => {
    const value = JSON.stringify(output("ReplicaEndpoints")?.Value);
    for (const n of [1, 2]) expect(value).toContain(`["${replica(n).logicalId}","Endpoint.Address"]`);
  });
});
