/**
 * lib/fleet's tag calls through the real AWS SDK and the local RDS API server,
 * with an in-memory backend: the wire's shapes, the API's own checks of RDS's
 * tag rules, and RDS's faults as the domain's errors. The engine's tagging is
 * tested on a real fleet (infra/local/engine/resource-tags.test.ts).
 */
import type { Tag } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { rdsFault } from "@/infra/local/api/rds/rds-errors";
import type { TaggedResource, ResourceTag as WireTag } from "@/infra/local/api/rds-backend";
import { fleetInstances, InMemoryRdsBackend } from "@/infra/local/api/test-support/fleet-fixture";
import { startTestServer, type TestServer } from "@/infra/local/api/test-support/test-server";
import { Invalid, NotFound } from "@/lib/errors";
import { stubLocalAwsEnv } from "@/lib/test-support/local-aws-env";
import { addTags, listTags, removeTags } from "./resource-tags";

const WRITER_ARN = "arn:aws:rds:us-east-1:000000000000:db:production-myapp";
const SNAPSHOT_ARN = "arn:aws:rds:us-east-1:000000000000:snapshot:rds:production-myapp-2026-12-06-03-00";

/** Tags by ARN, kept as the engine keeps them (a key given again overwrites); unknown ARNs are RDS's not-found faults. */
class TaggingBackend extends InMemoryRdsBackend {
  tags = new Map<string, Tag[]>();
  private tagsOf(resource: TaggedResource): Tag[] {
    const found = this.tags.get(resource.arn);
    if (found) return found;
    throw resource.type === "db"
      ? rdsFault("DBInstanceNotFound", `DBInstance ${resource.id} not found.`)
      : rdsFault("DBSnapshotNotFound", `DBSnapshot ${resource.id} not found.`);
  }
  override addTagsToResource = ({ resource, tags }: { resource: TaggedResource; tags: WireTag[] }) => {
    const current = this.tagsOf(resource);
    for (const tag of tags) {
      const same = current.find((t) => t.Key === tag.Key);
      if (same) same.Value = tag.Value;
      else current.push({ ...tag });
    }
  };
  override listTagsForResource = ({ resource }: { resource: TaggedResource }) => this.tagsOf(resource);
  override removeTagsFromResource = ({ resource, keys }: { resource: TaggedResource; keys: string[] }) => {
    this.tags.set(
      resource.arn,
      this.tagsOf(resource).filter((t) => !keys.includes(t.Key ?? "")),
    );
  };
}

let server: TestServer;
const backend = new TaggingBackend(fleetInstances());
const client = () => server.client();

beforeAll(async () => {
  server = await startTestServer(backend);
  stubLocalAwsEnv(server.url);
});
beforeEach(() => {
  backend.tags = new Map([
    [WRITER_ARN, [{ Key: "Environment", Value: "production" }]],
    [SNAPSHOT_ARN, []],
  ]);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describe("listTags, addTags, removeTags", () => {
  it("add (a key it has gets the new value), list, remove: on an instance and on an automated snapshot", async () => {
    await addTags({
      resource: WRITER_ARN,
      tags: [
        { key: "team", value: "db" },
        { key: "Environment", value: "staging" },
        { key: "flag", value: "" },
      ],
      client: client(),
    });
    expect(await listTags({ resource: WRITER_ARN, client: client() })).toEqual([
      { key: "Environment", value: "staging" },
      { key: "team", value: "db" },
      { key: "flag", value: "" },
    ]);
    await removeTags({ resource: WRITER_ARN, keys: ["team", "not-there"], client: client() });
    expect((await listTags({ resource: WRITER_ARN, client: client() })).map((t) => t.key)).toEqual([
      "Environment",
      "flag",
    ]);

    await addTags({ resource: SNAPSHOT_ARN, tags: [{ key: "keep", value: "yes" }], client: client() });
    expect(await listTags({ resource: SNAPSHOT_ARN, client: client() })).toEqual([{ key: "keep", value: "yes" }]);
  });

  it.each([
    ["aws: key", { key: "aws:team", value: "db" }, '"aws:team" starts with aws:'],
    ["key too long", { key: "k".repeat(129), value: "" }, "at most 128"],
    ["value too long", { key: "k", value: "v".repeat(257) }, "at most 256"],
  ])("a tag RDS refuses (%s) is Invalid with RDS's words, and changes nothing", async (_, tag, words) => {
    const attempt = addTags({ resource: WRITER_ARN, tags: [tag], client: client() });
    await expect(attempt).rejects.toBeInstanceOf(Invalid);
    await expect(attempt).rejects.toThrow(`AddTagsToResource was refused for DB instance production-myapp`);
    await expect(attempt).rejects.toThrow(words);
    expect(backend.tags.get(WRITER_ARN)).toEqual([{ Key: "Environment", Value: "production" }]);
  });

  it("an instance or snapshot RDS does not have is NotFound", async () => {
    await expect(
      listTags({ resource: "arn:aws:rds:us-east-1:000000000000:db:nope", client: client() }),
    ).rejects.toThrow(new NotFound("DB instance nope was not found."));
    const gone = removeTags({
      resource: "arn:aws:rds:us-east-1:000000000000:snapshot:gone",
      keys: ["a"],
      client: client(),
    });
    await expect(gone).rejects.toBeInstanceOf(NotFound);
    await expect(gone).rejects.toThrow("DBSnapshot gone not found.");
  });

  it("a malformed ARN is Invalid, naming ResourceName", async () => {
    const attempt = listTags({ resource: "production-myapp", client: client() });
    await expect(attempt).rejects.toBeInstanceOf(Invalid);
    await expect(attempt).rejects.toThrow("ResourceName");
  });
});
