/**
 * The production fleet the seed's Terraform provisioned, as one stack: keys,
 * network, writer and replicas, alarms, the dashboard's policy, and the
 * outputs rdsdeck's aws mode and the applications need.
 */
import { CfnOutput, Fn, Stack, type StackProps, Tags } from "aws-cdk-lib";
import type { Construct } from "constructs";
import type { Fleet } from "../../fleet";
import { FleetAlarms } from "./alarms";
import type { Deployment } from "./context";
import { DashboardPolicy } from "./dashboard-policy";
import { FleetDatabase } from "./database";
import { FleetKeys } from "./encryption";
import { FleetNetwork } from "./network";

export interface RdsdeckStackProps extends StackProps {
  fleet: Fleet;
  deployment: Deployment;
}

export class RdsdeckStack extends Stack {
  readonly database: FleetDatabase;
  readonly alarms: FleetAlarms;
  readonly dashboardPolicy: DashboardPolicy;

  constructor(scope: Construct, id: string, props: RdsdeckStackProps) {
    super(scope, id, props);
    const { fleet, deployment } = props;
    Tags.of(this).add("Environment", fleet.environment);
    Tags.of(this).add("Application", "rdsdeck");

    const keys = new FleetKeys(this, "Keys", fleet);
    const network = new FleetNetwork(this, "Network", { fleet, deployment, dataKey: keys.data });
    this.database = new FleetDatabase(this, "Database", { fleet, deployment, network, keys });
    const { writer, replicas } = this.database;
    const masterSecret = writer.secret;
    if (!masterSecret) throw new Error("the writer has no master secret");

    this.alarms = new FleetAlarms(this, "Alarms", { fleet, deployment, writer, replicas, alertsKey: keys.alerts });
    this.dashboardPolicy = new DashboardPolicy(this, "Dashboard", {
      fleet,
      parameterGroupName: this.database.parameterGroup.bindToInstance({}).parameterGroupName,
      subnetGroupName: network.subnetGroup.subnetGroupName,
      ...(this.database.monitoringRole ? { monitoringRole: this.database.monitoringRole } : {}),
      dataKey: keys.data,
      masterSecret,
      alertsTopic: this.alarms.topic,
    });

    const endpoint = (address: string, port: string) => `${address}:${port}`;
    new CfnOutput(this, "WriterEndpoint", {
      description: "Writer endpoint (host:port); it follows a Multi-AZ failover",
      value: endpoint(writer.dbInstanceEndpointAddress, writer.dbInstanceEndpointPort),
    });
    new CfnOutput(this, "WriterArn", { description: "Writer DB instance ARN", value: writer.instanceArn });
    if (replicas.length > 0) {
      new CfnOutput(this, "ReplicaEndpoints", {
        description: "Read replica endpoints (host:port), comma-separated",
        value: Fn.join(
          ",",
          replicas.map((r) => endpoint(r.dbInstanceEndpointAddress, r.dbInstanceEndpointPort)),
        ),
      });
    }
    new CfnOutput(this, "MasterSecretArn", {
      description: "Secrets Manager secret with the master user's credentials",
      value: masterSecret.secretArn,
    });
    new CfnOutput(this, "AlertsTopicArn", {
      description: "SNS topic the alarms notify",
      value: this.alarms.topic.topicArn,
    });
    new CfnOutput(this, "DashboardPolicyArn", {
      description: "Managed policy to attach to the role rdsdeck runs as",
      value: this.dashboardPolicy.policy.managedPolicyArn,
    });
    new CfnOutput(this, "Region", { description: "AWS_REGION for rdsdeck's aws mode", value: this.region });
  }
}
