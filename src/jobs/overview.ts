import type { Db as QueueDb } from "pg-boss";
import type { JobsOverview, JobView } from "./queue.ts";

interface JobRow {
  id: string;
  name: string;
  state: JobView["state"];
  retry_count: number;
  retry_limit: number;
  created_on: Date | string;
  start_after: Date | string;
  started_on: Date | string | null;
  completed_on: Date | string | null;
  error: string | null;
}

// Never the data column: a job may carry a link with a secret token in it.
const columns = `id, name, state, retry_count, retry_limit, created_on, start_after, started_on, completed_on,
  output->>'message' as error`;
// pg-boss's own bookkeeping queues (cron and the like) are not anyone's work.
const ours = `left(name, 10) <> '__pgboss__'`;

/** The jobs page's figures, read from pg-boss's job table (through pg-boss's own connection). */
export async function readOverview(db: QueueDb, schema: string, limit: number): Promise<JobsOverview> {
  const table = `${schema}.job`;
  const list = async (where: string, order: string) => {
    const { rows } = await db.executeSql(
      `select ${columns} from ${table} where ${ours} and ${where} order by ${order} limit $1`,
      [limit],
    );
    return (rows as JobRow[]).map(present);
  };
  const { rows: countRows } = await db.executeSql(
    `select state, count(*)::int as n from ${table} where ${ours} group by state`,
  );
  const count = (...states: string[]) =>
    (countRows as { state: string; n: number }[])
      .filter((row) => states.includes(row.state))
      .reduce((sum, row) => sum + Number(row.n), 0);
  return {
    counts: {
      queued: count("created", "retry"),
      running: count("active"),
      failed: count("failed"),
      completed: count("completed"),
    },
    queued: await list(`state in ('created', 'retry')`, "start_after asc, created_on asc"),
    running: await list(`state = 'active'`, "started_on desc"),
    failed: await list(`state = 'failed'`, "completed_on desc"),
  };
}

function present(row: JobRow): JobView {
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    // retry_count counts the runs after the first; a job not yet started has had none.
    attempts: row.state === "created" ? 0 : Number(row.retry_count) + 1,
    retryLimit: Number(row.retry_limit),
    createdAt: new Date(row.created_on),
    runAfter: new Date(row.start_after),
    startedAt: date(row.started_on),
    finishedAt: date(row.completed_on),
    error: row.error === null ? null : maskSecrets(row.error),
  };
}

/** An error may quote a URL: the value of anything that looks like a token is hidden, and the text kept short. */
export function maskSecrets(message: string): string {
  const masked = message.replace(/([?&#](?:token|key|secret|code|signature)=)[^&\s"'<>]+/gi, "$1…");
  return masked.length > 500 ? `${masked.slice(0, 500)}…` : masked;
}
