import { describe, expect, test } from "vitest";
import { clientAddress } from "./client-address.mjs";

describe("the client's address, with RDSDECK_TRUSTED_PROXY_HOPS", () => {
  test.each([
    [
      "directly exposed: X-Forwarded-For is the client's own claim, ignored",
      "203.0.113.9",
      "10.0.0.1",
      0,
      "203.0.113.9",
    ],
    ["one proxy: the entry it appended", "10.0.0.2", "198.51.100.7", 1, "198.51.100.7"],
    [
      "one proxy, a forged entry before it: still the appended one",
      "10.0.0.2",
      "6.6.6.6, 198.51.100.7",
      1,
      "198.51.100.7",
    ],
    ["two proxies: the second entry from the right", "10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.3", 2, "198.51.100.7"],
    ["fewer entries than proxies: the socket", "10.0.0.2", "198.51.100.7", 2, "10.0.0.2"],
    ["no header behind a proxy: the socket", "10.0.0.2", undefined, 1, "10.0.0.2"],
  ] as const)("%s", (_what, socket, forwarded, hops, expected) => {
    expect(clientAddress(socket, forwarded, hops)).toBe(expected);
  });

  test("a header sent twice counts as one list", () => {
    expect(clientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });
});
