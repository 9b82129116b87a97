/**
 * The fleet's certificate authority and server certificate, generated at first
 * boot (as RDS ships its own CA bundle). Clients verify the server with ca.crt
 * (sslmode=verify-full works: the certificate names localhost and 127.0.0.1).
 */
import { webcrypto } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
// @peculiar/x509 resolves its ASN.1 codecs through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";

export type FleetTls = { caCertPem: string; serverCertPem: string; serverKeyPem: string; caCertPath: string };

const ALG = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

const toPem = (der: ArrayBuffer, label: string) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .trim()}\n-----END ${label}-----\n`;

async function generate(): Promise<Omit<FleetTls, "caCertPath">> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const now = new Date();
  const notAfter = new Date(now.getTime() + TEN_YEARS_MS);
  const caKeys = await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"]);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: "CN=rdsdeck local fleet CA",
    notBefore: now,
    notAfter,
    signingAlgorithm: ALG,
    keys: caKeys as CryptoKeyPair,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const serverKeys = await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"]);
  const server = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: "CN=localhost",
    issuer: ca.subject,
    notBefore: now,
    notAfter,
    signingAlgorithm: ALG,
    publicKey: (serverKeys as CryptoKeyPair).publicKey,
    signingKey: (caKeys as CryptoKeyPair).privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: "dns", value: "localhost" },
        { type: "ip", value: "127.0.0.1" },
      ]),
    ],
  });
  const serverKey = await webcrypto.subtle.exportKey("pkcs8", (serverKeys as CryptoKeyPair).privateKey);
  return {
    caCertPem: ca.toString("pem"),
    serverCertPem: server.toString("pem"),
    serverKeyPem: toPem(serverKey, "PRIVATE KEY"),
  };
}

function serial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // positive
  return Buffer.from(bytes).toString("hex");
}

/** Loads the fleet's TLS material from <dataDir>/tls, generating it on first boot. */
export async function ensureFleetTls(dataDir: string): Promise<FleetTls> {
  const dir = path.join(dataDir, "tls");
  const files = { ca: path.join(dir, "ca.crt"), cert: path.join(dir, "server.crt"), key: path.join(dir, "server.key") };
  if (!existsSync(files.key)) {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const made = await generate();
    writeFileSync(files.ca, made.caCertPem, { mode: 0o644 });
    writeFileSync(files.cert, made.serverCertPem, { mode: 0o644 });
    writeFileSync(files.key, made.serverKeyPem, { mode: 0o600 });
  }
  return {
    caCertPem: readFileSync(files.ca, "utf8"),
    serverCertPem: readFileSync(files.cert, "utf8"),
    serverKeyPem: readFileSync(files.key, "utf8"),
    caCertPath: files.ca,
  };
}
