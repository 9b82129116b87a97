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

/** PI cuts every dimension value at 500 bytes outside GetDimensionKeyDetails. */
const CUT_BYTES = 500;

/**
 * The full text of each statement's sample execution: what DescribeDimensionKeys
 * gave when it is shorter than PI's cut (no call), else GetDimensionKeyDetails.
 * A page that refreshes every few seconds so makes one PI call per long statement only.
 */
export async function withFullTexts<T extends { sqlId: string | undefined; sqlStatement: string | undefined }>({
  identifier,
  dbiResourceId,
  statements,
  client = getPerformanceInsightsClient(),
}: {
  identifier: string;
  dbiResourceId: string;
  statements: readonly T[];
  client?: PIClient;
}): Promise<(T & { fullText: string | undefined })[]> {
  return Promise.all(
    statements.map(async (s) => {
      if (s.sqlId === undefined) return { ...s, fullText: undefined };
      if (s.sqlStatement !== undefined && Buffer.byteLength(s.sqlStatement, "utf8") < CUT_BYTES) {
        return { ...s, fullText: s.sqlStatement };
      }
      return { ...s, fullText: await statementText({ identifier, dbiResourceId, sqlId: s.sqlId, client }) };
    }),
  );
}
