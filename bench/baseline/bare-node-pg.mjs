// The floor for GET /api/v1/users/:id on this machine: node:http + pg over TLS (verify-full), one named
// prepared statement, no routing, validation, keys, read routing or logging. bench/api-baseline.ts runs it
// beside rdsdeck against the same replica.
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.READER_URL, max: 25 });
const byId = { name: "bare_get_user", text: "select id, name, email, created_at, updated_at from users where id = $1" };

http
  .createServer(async (req, res) => {
    const id = Number((req.url ?? "").split("/").pop());
    try {
      const { rows } = await pool.query({ ...byId, values: [id] });
      const body = JSON.stringify(rows[0] ?? { error: "User not found" });
      res.writeHead(rows[0] ? 200 : 404, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
    } catch (error) {
      console.error("bare baseline query failed:", error.message);
      res.writeHead(500).end();
    }
  })
  .listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
