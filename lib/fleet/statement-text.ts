import "server-only";
import { GetDimensionKeyDetailsCommand, type PIClient } from "@aws-sdk/client-pi";
import { callPerformanceInsights } from "./call-performance-insights";
import { getPerformanceInsightsClient } from "./performance-insights-client";

/** A statement's full text (db.sql.statement) by its db.sql.id; undefined when PI no longer has it. */
export async function statementText({
  identifier,
  dbiResourceId,
  sqlId,
  client = getPerformanceInsightsClient(),
}: {
  identifier: string;
  dbiResourceId: string;
  sqlId: string;
  client?: PIClient;
}): Promise<string | undefined> {
  const response = await callPerformanceInsights({ operation: "GetDimensionKeyDetails", identifier }, () =>
    client.send(
      new GetDimensionKeyDetailsCommand({
        ServiceType: "RDS",
        Identifier: dbiResourceId,
        Group: "db.sql",
        GroupIdentifier: sqlId,
        RequestedDimensions: ["db.sql.statement"],
      }),
    ),
  );
  const statement = response.Dimensions?.find((d) => d.Dimension === "db.sql.statement");
  return statement?.Status === "AVAILABLE" ? statement.Value : undefined;
}
