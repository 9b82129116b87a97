/**
 * `npm run cdk:synth` must work with no credentials and no network. This runs
 * the app entry point the way the CDK CLI does (CDK_OUTDIR, CDK_CONTEXT_JSON
 * from cdk.json) with every AWS variable removed from the environment.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { cdkJsonApp, cdkJsonContext } from "./synth-fleet";

const root = new URL("../../../", import.meta.url).pathname;

test("cdk.json runs the app with tsx and tells the CLI to stay offline", () => {
  expect(cdkJsonApp).toBe("npx tsx infra/aws/bin/rdsdeck.ts");
  const cdkJson = JSON.parse(readFileSync(join(root, "cdk.json"), "utf8")) as Record<string, unknown>;
  expect(cdkJson.notices).toBe(false);
  expect(cdkJsonContext["cli-telemetry"]).toBe(false);
});

test("the app synthesizes offline, asks for no lookup, and binds no account", () => {
  const outdir = mkdtempSync(join(tmpdir(), "rdsdeck-synth-"));
  try {
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (/^(AWS_|CDK_)/.test(key)) delete env[key];
    execFileSync(join(root, "node_modules/.bin/tsx"), ["infra/aws/bin/rdsdeck.ts"], {
      cwd: root,
      env: { ...env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(cdkJsonContext) },
      stdio: "pipe",
      timeout: 60_000,
    });
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
      missing?: unknown[];
      artifacts: Record<string, { type: string; environment?: string }>;
    };
    expect(manifest.missing).toBeUndefined();
    expect(manifest.artifacts["rdsdeck-production"]).toMatchObject({
      type: "aws:cloudformation:stack",
      environment: "aws://unknown-account/us-east-1",
    });
    expect(existsSync(join(outdir, "rdsdeck-production.template.json"))).toBe(true);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
