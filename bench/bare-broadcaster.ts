/**
 * The baseline the bench compares Uudistamo with: a bare node:http server.
 *
 *   GET  /events   an SSE stream (headers and a `retry:` line, then frames)
 *   POST /posts    JSON {body, ...}: optionally INSERTs one row with the raw
 *                  driver (BARE_DB=pglite|postgres), then writes one SSE frame
 *                  to every open stream with response.write, answers 201
 *   GET  /healthz  200
 *
 * The frame carries a post object shaped and sized like Uudistamo's public post,
 * so both servers write about the same bytes per subscriber.
 *
 * Env: PORT, BARE_DB (none | pglite | postgres), BARE_PGLITE_DIR, BARE_DATABASE_URL.
 */
import { randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";

type Insert = (body: string) => Promise<void>;

async function openInsert(): Promise<{ insert: Insert | null; close(): Promise<void> }> {
  const kind = process.env.BARE_DB ?? "none";
  const ddl =
    "create table if not exists bench_posts (id bigserial primary key, body text not null, created_at timestamptz not null default now())";
  const text = "insert into bench_posts (body) values ($1)";
  if (kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const dir = process.env.BARE_PGLITE_DIR;
    if (!dir) throw new Error("BARE_PGLITE_DIR is required with BARE_DB=pglite");
    const client = await PGlite.create(dir);
    await client.exec(ddl);
    return { insert: async (body) => void (await client.query(text, [body])), close: () => client.close() };
  }
  if (kind === "postgres") {
    const pg = (await import("pg")).default;
    // The same pool size as the app's (src/db/client.ts).
    const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 10 });
    await pool.query(ddl);
    return { insert: async (body) => void (await pool.query(text, [body])), close: () => pool.end() };
  }
  return { insert: null, close: async () => {} };
}

const database = await openInsert();
const streams = new Set<ServerResponse>();
const wallId = randomUUID();
let seq = 0;

function readBody(request: import("node:http").IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const server = createServer(async (request, response) => {
  const path = (request.url ?? "/").split("?")[0];
  if (request.method === "GET" && path === "/healthz") {
    response.writeHead(200, { "content-type": "application/json" });
    response.end('{"status":"ok"}');
    return;
  }
  if (request.method === "GET" && path === "/events") {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    response.write("retry: 2000\n\n");
    streams.add(response);
    response.on("close", () => streams.delete(response));
    return;
  }
  if (request.method === "POST" && path === "/posts") {
    try {
      const input = JSON.parse(await readBody(request)) as { body: string; kind?: string };
      if (database.insert) await database.insert(input.body);
      seq += 1;
      const post = {
        id: randomUUID(),
        wallId,
        sectionId: null,
        parentId: null,
        kind: input.kind ?? "comment",
        title: null,
        body: input.body,
        html: `<p>${input.body}</p>`,
        authorName: null,
        status: "visible",
        pinned: false,
        likes: 0,
        votes: 0,
        reports: 0,
        attachment: null,
        createdAt: new Date().toISOString(),
        edited: false,
      };
      const frame = `id: ${seq}\nevent: change\ndata: ${JSON.stringify({ type: "post", post })}\n\n`;
      for (const stream of streams) stream.write(frame);
      response.writeHead(201, { "content-type": "application/json" });
      response.end(JSON.stringify(post));
    } catch (error) {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ code: "INTERNAL", message: String(error) }));
    }
    return;
  }
  response.writeHead(404);
  response.end();
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`BARE_LISTENING ${typeof address === "object" && address ? address.port : 0}\n`);
});

const stop = () => {
  for (const stream of streams) stream.end();
  server.close();
  server.closeAllConnections();
  void database.close().finally(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
