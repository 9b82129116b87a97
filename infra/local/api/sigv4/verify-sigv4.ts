import { timingSafeEqual } from "node:crypto";
import type { HeaderBag, QueryParameterBag } from "@smithy/types";
import type { AwsRequest } from "../aws-request";
import { commonErrors } from "../common-errors";
import { parseAuthorizationHeader, type SigV4Authorization } from "./authorization-header";
import { CanonicalSigner } from "./canonical-signer";
import { sha256Hex } from "./node-sha256";
import { SeenSignatures } from "./seen-signatures";
import { parseSigningDate, toBasicFormat } from "./signing-date";

export interface SigV4VerifierOptions {
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly region: string;
  /** SigV4 signing names served on this endpoint ("rds", later "monitoring"). */
  readonly services: readonly string[];
  readonly now: () => Date;
}

/** Who called, and which service the signature was scoped to: the router's key. */
export interface VerifiedCaller {
  readonly accessKeyId: string;
  readonly service: string;
}

/** AWS rejects requests whose signing time is more than 15 minutes from its clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export type SigV4Verifier = (request: AwsRequest) => Promise<VerifiedCaller>;

/**
 * Verifies the `Authorization` header of every request, in the order AWS
 * reports problems: missing or malformed header, unknown key, clock skew,
 * credential scope, then the signature itself; and last, a signature seen
 * before within the skew window is a replay.
 */
export function createSigV4Verifier(options: SigV4VerifierOptions): SigV4Verifier {
  const signer = new CanonicalSigner(options.credentials, options.region);
  const seen = new SeenSignatures(MAX_CLOCK_SKEW_MS);

  return async (request) => {
    const header = request.headers.get("authorization");
    if (header === undefined) {
      if (/(^|&)X-Amz-Signature=/i.test(request.rawQuery)) {
        throw commonErrors.incompleteSignature(
          "Query-string (presigned URL) authentication is not supported by this endpoint; sign the Authorization header.",
        );
      }
      throw commonErrors.missingAuthenticationToken();
    }
    const auth = parseAuthorizationHeader(header);
    const signingDate = parseSigningDate(request.headers);

    if (auth.accessKeyId !== options.credentials.accessKeyId || request.headers.has("x-amz-security-token")) {
      // This endpoint issues no session credentials, so any session token is one it cannot know.
      throw commonErrors.invalidClientTokenId();
    }
    checkClockSkew(signingDate.date, signingDate.text, options.now());
    checkScope(auth, signingDate.text, options);

    const expected = await signer.signatureFor({
      method: request.method,
      path: request.path,
      query: canonicalQueryParameters(request.rawQuery),
      signedHeaders: signedHeaderValues(auth, request.headers),
      // Outside S3, AWS hashes the body it received; x-amz-content-sha256 is only another signed header.
      payloadHash: sha256Hex(request.body),
      signingDate: signingDate.date,
      region: auth.scopeRegion,
      service: auth.scopeService,
    });
    if (!sameSignature(expected, auth.signature)) throw commonErrors.signatureDoesNotMatch();
    if (!seen.firstUse(auth.signature, signingDate.date, options.now())) {
      throw commonErrors.signatureDoesNotMatch(
        "Signature already used: this request was sent before. Sign each request afresh (a replay is refused).",
      );
    }
    return { accessKeyId: auth.accessKeyId, service: auth.scopeService };
  };
}

function checkClockSkew(signedAt: Date, signedAtText: string, now: Date): void {
  const earliest = new Date(now.getTime() - MAX_CLOCK_SKEW_MS);
  const latest = new Date(now.getTime() + MAX_CLOCK_SKEW_MS);
  if (signedAt < earliest) {
    throw commonErrors.signatureDoesNotMatch(
      `Signature expired: ${signedAtText} is now earlier than ${toBasicFormat(earliest)} (${toBasicFormat(now)} - 15 min.)`,
    );
  }
  if (signedAt > latest) {
    throw commonErrors.signatureDoesNotMatch(
      `Signature not yet current: ${signedAtText} is still later than ${toBasicFormat(latest)} (${toBasicFormat(now)} + 15 min.)`,
    );
  }
}

function checkScope(auth: SigV4Authorization, signedAtText: string, options: SigV4VerifierOptions): void {
  if (auth.scopeTerminator !== "aws4_request") {
    throw commonErrors.signatureDoesNotMatch(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.scopeTerminator}'.`,
    );
  }
  if (auth.scopeDate !== signedAtText.slice(0, 8)) {
    throw commonErrors.signatureDoesNotMatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${signedAtText.slice(0, 8)}', from '${signedAtText}'.`,
    );
  }
  if (auth.scopeRegion !== options.region) {
    throw commonErrors.signatureDoesNotMatch(
      `Credential should be scoped to a valid region, not '${auth.scopeRegion}'. This endpoint serves '${options.region}'.`,
    );
  }
  if (!options.services.includes(auth.scopeService)) {
    const served = options.services.map((s) => `'${s}'`).join(" or ");
    throw commonErrors.signatureDoesNotMatch(`Credential should be scoped to correct service: ${served}.`);
  }
}

function signedHeaderValues(auth: SigV4Authorization, headers: ReadonlyMap<string, string>): HeaderBag {
  const names = auth.signedHeaders.map((name) => name.toLowerCase());
  if (!names.includes("host")) {
    throw commonErrors.incompleteSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const values: HeaderBag = {};
  for (const name of names) {
    const value = headers.get(name);
    // A header signed but not sent: the client's canonical request cannot be rebuilt.
    if (value === undefined) throw commonErrors.signatureDoesNotMatch();
    values[name] = value.replace(/\s+/g, " ").trim();
  }
  return values;
}

/** SigV4 canonicalises decoded names and values (smithy re-encodes them RFC 3986-style). */
function canonicalQueryParameters(rawQuery: string): QueryParameterBag {
  const query: Record<string, string | string[]> = {};
  for (const pair of rawQuery.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const name = percentDecode(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? "" : percentDecode(pair.slice(equals + 1));
    const existing = query[name];
    if (existing === undefined) query[name] = value;
    else query[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw commonErrors.malformedQueryString("The query string contains an invalid percent-encoding.");
  }
}

function sameSignature(expectedHex: string, givenHex: string): boolean {
  const expected = Buffer.from(expectedHex, "utf8");
  const given = Buffer.from(givenHex, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
