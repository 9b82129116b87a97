/** The README is the front door: its configuration tables must name every variable the code reads. */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { engineEnvVarNames } from "./infra/local/config";
import { monitoringEnvVarNames } from "./infra/local/monitoring/monitoring-config";
import { envVars } from "./lib/env-vars";

const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");

describe("README.md", () => {
  test.each([...engineEnvVarNames, ...monitoringEnvVarNames, ...envVars.map((v) => v.name), "PORT", "HOST"])(
    "documents %s",
    (name) => {
      expect(readme).toMatch(new RegExp(`^\\|[^\\n]*\`${name}\`[^\\n]*\\|`, "m"));
    },
  );

  test("gives the two set-up commands", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
  });
});
