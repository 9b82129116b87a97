/** The local AWS-compatible HTTP API: what the engine needs to start it and feed it. */
export type { ApiLogger } from "./api-logger";
export type { RdsBackend } from "./rds-backend";
export { type AwsApiServer, type AwsApiServerOptions, createAwsApiServer } from "./server";
