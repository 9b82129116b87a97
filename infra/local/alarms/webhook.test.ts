/**
 * Webhook delivery against a real HTTP server: credentials in the URL go as
 * Basic auth, and neither they nor a Slack-style secret path appear in a log
 * line or in the recorded error.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { deliverToWebhook, type WebhookLogger } from "./webhook";

const PASSWORD = "hunter2-Webhook-Pw";
const PATH_TOKEN = "XyZsecretPathToken0123";

let server: Server;
let port = 0;
const received: IncomingMessage[] = [];
let answer = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(req);
    req.resume();
    req.on("end", () => res.writeHead(answer).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const notification = {
  AlarmName: "cpu-high",
  Type: "Notification" as const,
  MessageId: "m-1",
  TopicArn: "arn:aws:sns:us-east-1:000000000000:rdsdeck-alarms",
  Subject: "ALARM",
  Message: "{}",
  Timestamp: new Date(0).toISOString(),
};

function recordingLogger(): WebhookLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (fields, message) => lines.push(JSON.stringify({ ...fields, message })),
    error: (fields, message) => lines.push(JSON.stringify({ ...fields, message })),
  };
}

const url = () => `http://hook-user:${PASSWORD}@127.0.0.1:${port}/services/T000/B000/${PATH_TOKEN}`;
const options = () => ({ url: url(), attempts: 2, backoffMs: 1, timeoutMs: 5_000 });

test("user:password in the URL is sent as Basic auth, and the notification is delivered", async () => {
  answer = 200;
  received.length = 0;
  const log = recordingLogger();
  const result = await deliverToWebhook(notification, options(), log, new AbortController().signal);
  expect(result).toEqual({ delivered: true, attempts: 1 });
  expect(received[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`hook-user:${PASSWORD}`).toString("base64")}`);
  expect(received[0]?.url).toBe(`/services/T000/B000/${PATH_TOKEN}`);
});

test("a failing webhook is logged by its origin only: no password, no secret path, in the log or the error", async () => {
  answer = 500;
  const log = recordingLogger();
  const result = await deliverToWebhook(notification, options(), log, new AbortController().signal);
  expect(result.delivered).toBe(false);
  expect(log.lines).toHaveLength(2);
  for (const text of [...log.lines, result.lastError ?? ""]) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(PATH_TOKEN);
  }
  expect(JSON.parse(log.lines[0] ?? "{}").webhook).toBe(`http://127.0.0.1:${port}/…`);
});

test("a webhook that cannot be reached: fetch's error text carries neither the password nor the path", async () => {
  const log = recordingLogger();
  const unreachable = {
    ...options(),
    url: `http://hook-user:${PASSWORD}@127.0.0.1:1/services/T000/B000/${PATH_TOKEN}`,
  };
  const result = await deliverToWebhook(notification, unreachable, log, new AbortController().signal);
  expect(result.delivered).toBe(false);
  for (const text of [...log.lines, result.lastError ?? ""]) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(PATH_TOKEN);
  }
});
