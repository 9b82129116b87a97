import { GetDimensionKeyDetails$, type GetDimensionKeyDetailsResponse } from "@aws-sdk/client-pi";
import { z } from "zod";
import type { PerformanceInsightsBackend } from "../pi-backend";
import { piErrors } from "../pi-errors";
import { definePiOperation, type PiOperation } from "../pi-operation";
import { requestString, resourceOf } from "./common";

const input = z
  .object({
    ServiceType: z.string(),
    Identifier: requestString,
    Group: requestString,
    GroupIdentifier: requestString,
    RequestedDimensions: z.array(requestString).min(1).max(10).optional(),
  })
  .strict();

/** PI serves other groups here for other engines (db.query) or features the local fleet lacks (plans, lock snapshots). */
const SERVED_GROUP = "db.sql";
const STATEMENT = "db.sql.statement";

/**
 * GetDimensionKeyDetails: the full text of a statement (db.sql.statement)
 * by its db.sql.id, uncut, where every other operation stops at 500 bytes.
 * A statement no longer kept is UNAVAILABLE, as PI answers for one it has not got.
 */
export function getDimensionKeyDetailsOperation(backend: PerformanceInsightsBackend): PiOperation {
  return definePiOperation({
    schema: GetDimensionKeyDetails$,
    input,
    handle: (request): GetDimensionKeyDetailsResponse => {
      const insights = resourceOf(backend, request.ServiceType, request.Identifier);
      if (request.Group !== SERVED_GROUP) {
        throw piErrors.invalidArgument(
          `This group is not a known group: ${request.Group} is not valid for current resource (Group); use ${SERVED_GROUP}.`,
        );
      }
      for (const dimension of request.RequestedDimensions ?? []) {
        if (dimension !== STATEMENT && dimension !== "statement") {
          throw piErrors.invalidArgument(
            `The dimension ${dimension} has no details (RequestedDimensions); for ${SERVED_GROUP} ask for ${STATEMENT} or statement.`,
          );
        }
      }
      const found = insights.texts.sql(request.GroupIdentifier);
      return {
        Dimensions: [
          found
            ? { Dimension: STATEMENT, Value: found.text, Status: "AVAILABLE" }
            : { Dimension: STATEMENT, Status: "UNAVAILABLE" },
        ],
      };
    },
  });
}
