import { commonErrors } from "../common-errors";

/** The parts of an `Authorization: AWS4-HMAC-SHA256 …` header. */
export interface SigV4Authorization {
  readonly accessKeyId: string;
  /** yyyymmdd */
  readonly scopeDate: string;
  readonly scopeRegion: string;
  readonly scopeService: string;
  readonly scopeTerminator: string;
  /** Lower-case names, in the order the client listed them. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";

/**
 * Parses the header strictly enough to reject what AWS rejects, loosely
 * enough to accept what AWS accepts: components may be separated by commas,
 * spaces or both (clients differ).
 */
export function parseAuthorizationHeader(header: string): SigV4Authorization {
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  const algorithm = space === -1 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) {
    throw commonErrors.incompleteSignature(
      `Unsupported AWS 'algorithm': '${algorithm}'. Only ${SIGV4_ALGORITHM} (Signature Version 4) is accepted.`,
    );
  }
  const components = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(/[\s,]+/)) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    if (equals <= 0) {
      throw commonErrors.incompleteSignature(
        "Invalid key=value pair (missing equal-sign) in Authorization header: expected " +
          "'AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…'.",
      );
    }
    components.set(part.slice(0, equals), part.slice(equals + 1));
  }
  const missing = ["Credential", "SignedHeaders", "Signature"].filter((name) => !components.get(name));
  if (missing.length > 0) {
    throw commonErrors.incompleteSignature(
      missing.map((name) => `Authorization header requires '${name}' parameter.`).join(" "),
    );
  }
  const credential = components.get("Credential") ?? "";
  const scope = credential.split("/");
  if (scope.length !== 5 || scope.some((s) => s === "")) {
    throw commonErrors.incompleteSignature(
      `Authorization header has a malformed Credential: expected '<access key>/<yyyymmdd>/<region>/<service>/aws4_request'.`,
    );
  }
  const [accessKeyId = "", scopeDate = "", scopeRegion = "", scopeService = "", scopeTerminator = ""] = scope;
  return {
    accessKeyId,
    scopeDate,
    scopeRegion,
    scopeService,
    scopeTerminator,
    signedHeaders: (components.get("SignedHeaders") ?? "").split(";").filter((h) => h !== ""),
    signature: components.get("Signature") ?? "",
  };
}
