import { type DBInstance, type DBInstanceMessage, DescribeDBInstances$ } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { instanceFilter, matchesInstance } from "./db-instance-filters";
import { paginate, resolveMaxRecords } from "./paging";
import { rdsErrors } from "./rds-errors";

const input = z.object({
  DBInstanceIdentifier: z.string().optional(),
  Filters: z.array(z.object({ Name: z.string(), Values: z.array(z.string()) })).optional(),
  MaxRecords: z.number().optional(),
  Marker: z.string().optional(),
});

/** DescribeDBInstances: one instance by identifier or ARN, or all, filtered and paged. */
export function describeDBInstancesOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeDBInstances$,
    input,
    handle: (request): DBInstanceMessage => {
      const maxRecords = resolveMaxRecords(request.MaxRecords);
      const matchesFilters = instanceFilter(request.Filters ?? []);
      let instances = sortByIdentifier(backend.describeDBInstances());
      const wanted = request.DBInstanceIdentifier;
      if (wanted !== undefined) {
        instances = instances.filter((instance) => matchesInstance(instance, wanted));
        if (instances.length === 0) throw rdsErrors.dbInstanceNotFound(wanted);
      }
      const { page, nextMarker } = paginate(instances.filter(matchesFilters), identifierOf, {
        maxRecords,
        marker: request.Marker,
      });
      return { DBInstances: page, ...(nextMarker === undefined ? {} : { Marker: nextMarker }) };
    },
  });
}

function identifierOf(instance: DBInstance): string {
  return instance.DBInstanceIdentifier ?? "";
}

/** Code-unit order, the same order the paging marker compares in. */
function sortByIdentifier(instances: readonly DBInstance[]): DBInstance[] {
  return [...instances].sort((a, b) => {
    const [x, y] = [identifierOf(a), identifierOf(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
