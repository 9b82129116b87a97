import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiLogger, defaultApiLogger } from "./api-logger";
import type { AwsRequest } from "./aws-request";
import type { AwsService } from "./aws-service";
import type { CloudWatchBackend } from "./cloudwatch/cloudwatch-backend";
import { createCloudWatchService } from "./cloudwatch/cloudwatch-service";
import { connectableHost, isLoopbackHost } from "./listen-address";
import type { PerformanceInsightsBackend } from "./pi/pi-backend";
import { createPerformanceInsightsService, type PerformanceInsightsService } from "./pi/pi-service";
import { createRdsService } from "./rds/rds-service";
import type { RdsBackend } from "./rds-backend";
import { createRequestPipeline, type Outcome } from "./request-pipeline";
import { createSigV4Verifier } from "./sigv4/verify-sigv4";

export interface AwsApiServerOptions {
  /**
   * Loopback unless configured otherwise (RDSDECK_API_HOST): the endpoint knows
   * one static key. Any other address is allowed but logged as a warning.
   */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly rds: RdsBackend;
  /** Serves CloudWatch (signing name "monitoring") on the same port when given. */
  readonly cloudwatch?: CloudWatchBackend;
  /** Serves Performance Insights (signing name "pi") on the same port when given. */
  readonly performanceInsights?: PerformanceInsightsBackend;
  readonly logger?: ApiLogger;
  /** The clock signatures are checked against (tests move it). */
  readonly now?: () => Date;
}

export interface AwsApiServer {
  /** Starts listening; `url` is what clients pass as `endpoint`. */
  listen(): Promise<{ url: string }>;
  close(): Promise<void>;
}

/** The local AWS endpoint: one port, loopback by default, services told apart by their SigV4 signing name. */
export function createAwsApiServer(options: AwsApiServerOptions): AwsApiServer {
  const logger = options.logger ?? defaultApiLogger();
  const rds = createRdsService(options.rds);
  const services = new Map<string, AwsService>([[rds.signingName, rds]]);
  const cloudwatch = options.cloudwatch ? createCloudWatchService(options.cloudwatch) : undefined;
  if (cloudwatch) services.set(cloudwatch.signingName, cloudwatch);
  const pi = options.performanceInsights ? createPerformanceInsightsService(options.performanceInsights) : undefined;
  if (pi) services.set(pi.signingName, pi);
  const pipeline = createRequestPipeline({
    services,
    fallback: fallbackByShape(rds, cloudwatch, pi),
    logger,
    verify: createSigV4Verifier({
      credentials: options.credentials,
      region: options.region,
      services: [...services.keys()],
      now: options.now ?? (() => new Date()),
    }),
  });

  const server = createServer((incoming, outgoing) => {
    const started = performance.now();
    pipeline(incoming)
      .then((outcome) => {
        send(outgoing, outcome);
        logger.info(
          {
            requestId: outcome.requestId,
            method: incoming.method,
            service: outcome.service,
            operation: outcome.operation,
            status: outcome.response.status,
            errorCode: outcome.error?.code,
            durationMs: Math.round(performance.now() - started),
          },
          "aws api request",
        );
      })
      .catch((error: unknown) => {
        // The pipeline answers every failure itself; reaching here means the socket broke mid-write.
        logger.error({ err: error }, "aws api response could not be written");
        outgoing.destroy();
      });
  });

  // SDK clients (and boto3, the aws CLI, Terraform) keep connections alive and reuse them whenever they next call.
  // Node's default of closing an idle one after 5 s raced that reuse: a call sent as the server hung up failed
  // with "socket hang up". 65 s, as behind a load balancer, leaves that race to connections idle for a minute.
  server.keepAliveTimeout = 65_000;

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host, () => {
          server.off("error", reject);
          const address = server.address() as AddressInfo;
          if (!isLoopbackHost(options.host)) {
            logger.warn(
              { host: options.host, port: address.port },
              "the local AWS API listens beyond loopback: anyone who can reach this address and has the fleet's key can operate the fleet",
            );
          }
          resolve({ url: `http://${connectableHost(address.address, address.family)}:${address.port}` });
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // SDK clients keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

function send(outgoing: ServerResponse, outcome: Outcome): void {
  const raw = outcome.response.body;
  const body =
    typeof raw === "string" ? Buffer.from(raw, "utf8") : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  outgoing.writeHead(outcome.response.status, {
    ...outcome.response.headers,
    "content-type": outcome.response.contentType,
    "content-length": body.length,
    "x-amzn-RequestId": outcome.requestId,
    // An oversized body was not read to its end; the connection cannot be reused.
    ...(outcome.response.status === 413 ? { connection: "close" } : {}),
  });
  outgoing.end(body);
}

/**
 * Errors raised before the signature names a service (no or bad signature)
 * must still reach a JSON or CBOR client in its own protocol, or the SDK
 * cannot read them: the request's shape tells which one it speaks.
 */
function fallbackByShape(
  rds: AwsService,
  cloudwatch: (AwsService & { speaks(request: AwsRequest): boolean }) | undefined,
  pi: PerformanceInsightsService | undefined,
): AwsService {
  const speaker = (request: AwsRequest | undefined): AwsService => {
    if (request === undefined) return rds;
    // PI's X-Amz-Target is checked first: CloudWatch would take any X-Amz-Target for its own JSON 1.0.
    if (pi?.speaks(request)) return pi;
    if (cloudwatch?.speaks(request)) return cloudwatch;
    return rds;
  };
  return {
    signingName: rds.signingName,
    handle: rds.handle,
    renderError: (error, request, requestId) => speaker(request).renderError(error, request, requestId),
  };
}
