import { ALGORITHM_IDENTIFIER, SignatureV4 } from "@smithy/signature-v4";
import type { HeaderBag, QueryParameterBag } from "@smithy/types";
import { NodeSha256 } from "./node-sha256";

export interface SignatureInput {
  readonly method: string;
  /** Path as sent on the wire; SigV4 (non-S3) normalises and encodes it again. */
  readonly path: string;
  readonly query: QueryParameterBag;
  /** Exactly the headers the client listed in SignedHeaders, lower-case names. */
  readonly signedHeaders: HeaderBag;
  readonly payloadHash: string;
  readonly signingDate: Date;
  readonly region: string;
  readonly service: string;
}

/**
 * Recomputes a SigV4 signature with smithy's own canonicalisation (path,
 * query, string to sign, signing key), but over the header set the client
 * chose: `SignatureV4.sign()` would pick headers itself (dropping
 * `user-agent`, `date`, adding `x-amz-date`), and a verifier must sign what
 * the client signed, no more and no less.
 */
export class CanonicalSigner extends SignatureV4 {
  constructor(credentials: { accessKeyId: string; secretAccessKey: string }, region: string) {
    super({ credentials, region, service: "rds", sha256: NodeSha256, uriEscapePath: true, applyChecksum: false });
  }

  async signatureFor(input: SignatureInput): Promise<string> {
    const { longDate, shortDate } = this.formatDate(input.signingDate);
    const canonicalRequest = this.createCanonicalRequest(
      { method: input.method, protocol: "http:", hostname: "", path: input.path, query: input.query, headers: {} },
      input.signedHeaders,
      input.payloadHash,
    );
    const scope = `${shortDate}/${input.region}/${input.service}/aws4_request`;
    const stringToSign = await this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
    return this.sign(stringToSign, {
      signingDate: input.signingDate,
      signingRegion: input.region,
      signingService: input.service,
    });
  }
}
