/** The error body and /health body, described for the OpenAPI document (responses are built directly). */
import { z } from "zod";
import { errorCodes } from "../errors";

export const errorSchema = z
  .object({
    error: z.string().meta({ description: "A message for people; clients branch on code." }),
    code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]]),
    details: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "For invalid input: each bad field and what is wrong with it." }),
  })
  .meta({ id: "Error" });

const latency = z
  .number()
  .nullable()
  .meta({ description: "Milliseconds the latest probe took; null when unreachable." });

export const healthSchema = z
  .object({
    status: z.enum(["healthy", "unhealthy"]),
    writer: z.object({ endpoint: z.string(), reachable: z.boolean(), latency_ms: latency }),
    readers: z.array(
      z.object({
        endpoint: z.string().meta({ example: "127.0.0.1:15433" }),
        reachable: z.boolean(),
        latency_ms: latency,
        replica_lag_seconds: z.number().nullable(),
        in_rotation: z.boolean().meta({ description: "Whether it takes reads now." }),
      }),
    ),
  })
  .meta({ id: "Health" });
