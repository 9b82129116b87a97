import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import type { Checksum, SourceData } from "@smithy/types";

/**
 * SHA-256 / HMAC-SHA-256 for @smithy/signature-v4 on node:crypto, which is
 * what `@smithy/hash-node` does; that package is not a dependency here.
 * With a secret it is an HMAC (signing key derivation), without one a hash.
 */
export class NodeSha256 implements Checksum {
  private readonly secret: Uint8Array | undefined;
  private state: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : toBytes(secret);
    this.state = this.fresh();
  }

  update(data: Uint8Array): void {
    this.state.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.state.digest());
  }

  reset(): void {
    this.state = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", this.secret);
  }
}

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
