import { DescribeDBInstancesMessage$ } from "@aws-sdk/client-rds";
import { NormalizedSchema } from "@smithy/core/schema";
import { describe, expect, test } from "vitest";
import { decodeQueryInput } from "./query-input";

const shape = NormalizedSchema.of(DescribeDBInstancesMessage$);
const decode = (params: Record<string, string>) => decodeQueryInput(shape, new Map(Object.entries(params)));

describe("decodeQueryInput (DescribeDBInstancesMessage)", () => {
  test("nests Filters.Filter.N and Values.Value.N, numbering by value, not by text", () => {
    expect(
      decode({
        "Filters.Filter.10.Name": "engine",
        "Filters.Filter.10.Values.Value.1": "postgres",
        "Filters.Filter.2.Name": "db-instance-id",
        "Filters.Filter.2.Values.Value.2": "b",
        "Filters.Filter.2.Values.Value.1": "a",
        MaxRecords: "20",
        Marker: "m",
        DBInstanceIdentifier: "production-myapp",
      }),
    ).toEqual({
      DBInstanceIdentifier: "production-myapp",
      Filters: [
        { Name: "db-instance-id", Values: ["a", "b"] },
        { Name: "engine", Values: ["postgres"] },
      ],
      MaxRecords: 20,
      Marker: "m",
    });
  });

  test("an empty list is sent as the bare name", () => {
    expect(decode({ Filters: "" })).toEqual({ Filters: [] });
  });

  test("parameters the model does not know are ignored, as AWS Query services do", () => {
    expect(decode({ Action: "DescribeDBInstances", Version: "2014-10-31", Foo: "bar" })).toEqual({});
  });
});
