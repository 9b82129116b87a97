/**
 * Signatures already accepted, remembered for as long as they could still be
 * accepted (until their signing time plus the allowed clock skew), so a
 * request captured on the wire cannot be sent again. A signature is only
 * remembered once it has been verified, so nobody without the secret key can
 * fill this. Clients sign each request afresh: the AWS SDKs and botocore sign
 * a per-invocation id (amz-sdk-invocation-id) and the attempt number, so even
 * two identical calls within one second carry different signatures.
 */
const MAX_REMEMBERED = 200_000;

export class SeenSignatures {
  /** Signature → when it stops mattering (ms). Insertion order is roughly expiry order. */
  private readonly until = new Map<string, number>();

  constructor(private readonly validForMs: number) {}

  /** True the first time a signature is offered; false for a replay. */
  firstUse(signature: string, signedAt: Date, now: Date): boolean {
    this.forgetExpired(now.getTime());
    if (this.until.has(signature)) return false;
    if (this.until.size >= MAX_REMEMBERED) {
      // Past the cap the oldest goes first: a flood of fresh, validly signed requests needs the key anyway.
      const oldest = this.until.keys().next().value;
      if (oldest !== undefined) this.until.delete(oldest);
    }
    this.until.set(signature, signedAt.getTime() + this.validForMs);
    return true;
  }

  private forgetExpired(now: number): void {
    for (const [signature, until] of this.until) {
      if (until > now) return;
      this.until.delete(signature);
    }
  }
}
