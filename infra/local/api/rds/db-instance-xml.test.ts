import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fleetInstances, InMemoryRdsBackend } from "../test-support/fleet-fixture";
import { FORM_CONTENT_TYPE, signedFetch } from "../test-support/signed-fetch";
import { startTestServer, type TestServer } from "../test-support/test-server";

/**
 * The wire format itself, for clients that are not the JS SDK (botocore, the
 * aws CLI): element names as the RDS API Reference documents them, written
 * here by hand so that they check the model-driven serialiser independently.
 */
let server: TestServer;
let xml: string;
let requestId: string | null;

beforeAll(async () => {
  server = await startTestServer(new InMemoryRdsBackend(fleetInstances()));
  const { response, text } = await signedFetch(server.url, {
    headers: { "content-type": FORM_CONTENT_TYPE },
    body: "Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=production-myapp",
  });
  xml = text;
  requestId = response.headers.get("x-amzn-requestid");
});
afterAll(() => server.close());

describe("DescribeDBInstances XML", () => {
  test("has the Query envelope with the RDS namespace and the request id", () => {
    expect(xml.startsWith('<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">')).toBe(true);
    expect(xml).toContain(
      "<DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>production-myapp<",
    );
    expect(
      xml.endsWith(
        `</DescribeDBInstancesResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></DescribeDBInstancesResponse>`,
      ),
    ).toBe(true);
  });

  test.each([
    [
      "ReadReplicaDBInstanceIdentifiers/ReadReplicaDBInstanceIdentifier",
      "<ReadReplicaDBInstanceIdentifiers><ReadReplicaDBInstanceIdentifier>production-myapp-replica-1</ReadReplicaDBInstanceIdentifier><ReadReplicaDBInstanceIdentifier>production-myapp-replica-2</ReadReplicaDBInstanceIdentifier></ReadReplicaDBInstanceIdentifiers>",
    ],
    [
      "VpcSecurityGroups/VpcSecurityGroupMembership",
      "<VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>sg-0a1b2c3d4e5f67890</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership></VpcSecurityGroups>",
    ],
    [
      "DBParameterGroups/DBParameterGroup",
      "<DBParameterGroups><DBParameterGroup><DBParameterGroupName>default.postgres17</DBParameterGroupName><ParameterApplyStatus>in-sync</ParameterApplyStatus></DBParameterGroup></DBParameterGroups>",
    ],
    [
      "EnabledCloudwatchLogsExports/member",
      "<EnabledCloudwatchLogsExports><member>postgresql</member><member>upgrade</member></EnabledCloudwatchLogsExports>",
    ],
    [
      "TagList/Tag",
      "<TagList><Tag><Key>Environment</Key><Value>production</Value></Tag><Tag><Key>Role</Key><Value>writer</Value></Tag></TagList>",
    ],
    [
      "DBSubnetGroup/Subnets/Subnet/SubnetAvailabilityZone",
      "<Subnets><Subnet><SubnetIdentifier>subnet-0aaa</SubnetIdentifier><SubnetAvailabilityZone><Name>us-east-1a</Name></SubnetAvailabilityZone><SubnetStatus>Active</SubnetStatus></Subnet>",
    ],
    [
      "Endpoint",
      "<Endpoint><Address>127.0.0.1</Address><Port>15432</Port><HostedZoneId>Z2R2ITUGPM61AM</HostedZoneId></Endpoint>",
    ],
    ["an ISO 8601 timestamp", "<InstanceCreateTime>2025-01-15T08:30:12.345Z</InstanceCreateTime>"],
    ["booleans", "<MultiAZ>true</MultiAZ>"],
    ["an empty list as an empty element", "<DomainMemberships/>"],
    ["an empty structure as an empty element", "<PendingModifiedValues/>"],
  ])("writes %s", (_, fragment) => {
    expect(xml).toContain(fragment);
  });

  test("StatusInfos/DBInstanceStatusInfo, with XML special characters escaped", async () => {
    const { text } = await signedFetch(server.url, {
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: "Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=production-myapp-replica-2",
    });
    expect(text).toContain(
      "<StatusInfos><DBInstanceStatusInfo><StatusType>read replication</StatusType><Normal>false</Normal><Status>error</Status><Message>Replication has stopped: the replica could not reach its source &amp; will retry &lt;soon&gt;.</Message></DBInstanceStatusInfo></StatusInfos>",
    );
    expect(text).toContain("<DBInstanceStatus>failed</DBInstanceStatus>");
  });
});
