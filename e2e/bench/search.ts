// npm run bench (after the chat bench) — full-text search at scale on the local PostgreSQL:
// seeds 1,000,000 messages across 10,000 conversations for one user (generate_series, in a
// throwaway database), then times the real search service on 20 varied queries against the same
// queries as ILIKE scans, a primary-key lookup and a 20-row keyset list page. Prints figures;
// never fails on timing. Skips with a message when no PostgreSQL answers.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createJiti } from "jiti";
import { Client } from "pg";
import { percentile } from "./support";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CONVERSATIONS = Number(process.env.BENCH_SEARCH_CONVERSATIONS ?? 10_000);
const MESSAGES = Number(process.env.BENCH_SEARCH_MESSAGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 20);
const BASELINE_RUNS = Number(process.env.BENCH_SEARCH_BASELINE_RUNS ?? 3);

// A skewed vocabulary: early words are common, late ones rare (index ~ N·u³), some Urdu words
// (searched with the `simple` configuration), and a long tail: 30% of words are made of three
// syllables (8,000 possible words, each in ~0.1% of messages), as names and jargon are.
const VOCABULARY = (
  "the and of to in is for that it with as on be this are by from or an at not have but can which will use " +
  "data model code function error question answer python deploy server database query index table user test " +
  "learning machine network train loss gradient layer vector search result cache memory thread process file " +
  "kubernetes docker container cluster pipeline build release version branch commit merge review design pattern " +
  "recipe pasta tomato garlic kitchen travel flight hotel weekend budget invoice contract meeting agenda summary " +
  "history empire river mountain climate energy solar battery physics chemistry biology genome protein enzyme " +
  "poetry novel chapter character plot theme metaphor rhythm melody guitar piano violin concert festival garden " +
  "tulip orchid sparrow falcon quokka wombat platypus axolotl narwhal pangolin okapi capybara ocelot tapir " +
  "zeppelin quasar nebula pulsar magnetar exoplanet telescope spectroscopy interferometer " +
  "پاکستان لاہور کراچی تاریخ زبان کتاب شاعری موسم"
).split(" ");

const SYLLABLES = "ka zo mi ru te lo vi na pe shu ga di fo ye bu ri so ha je qu".split(" ");

interface Query {
  label: string;
  q: string;
  /** The words for the ILIKE baseline (every one must appear). */
  like: string[];
}

const QUERIES: Query[] = [
  { label: "common word", q: "data", like: ["data"] },
  { label: "common stemmed", q: "training", like: ["train"] },
  { label: "mid word", q: "kubernetes", like: ["kubernetes"] },
  { label: "rare word", q: "narwhal", like: ["narwhal"] },
  { label: "rare word (tail)", q: "kazomi", like: ["kazomi"] },
  { label: "two words", q: "docker cluster", like: ["docker", "cluster"] },
  { label: "three words", q: "gradient loss layer", like: ["gradient", "loss", "layer"] },
  { label: "phrase", q: '"machine learning"', like: ["machine learning"] },
  { label: "rare phrase", q: '"quokka wombat"', like: ["quokka wombat"] },
  { label: "exclusion", q: "pasta -garlic", like: ["pasta"] },
  { label: "OR", q: "falcon OR sparrow", like: ["falcon"] },
  { label: "rare OR (tail)", q: "rutelo OR vinape", like: ["rutelo"] },
  { label: "tag operator", q: "tag:work python", like: ["python"] },
  { label: "project operator", q: "project:p5 server", like: ["server"] },
  { label: "date operators", q: "melody after:2026-03-01 before:2026-05-01", like: ["melody"] },
  { label: "model operator", q: "model:llama genome", like: ["genome"] },
  { label: "Urdu", q: "پاکستان", like: ["پاکستان"] },
  { label: "Urdu two words", q: "لاہور تاریخ", like: ["لاہور", "تاریخ"] },
  { label: "title typo (fuzzy)", q: "zepelin", like: ["zepelin"] },
  { label: "no match", q: "xylophonist", like: ["xylophonist"] },
];

const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`);

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

async function serverUrl(): Promise<URL | null> {
  const url = new URL(process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres");
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(url.hostname)) {
    console.log(`search bench: skipped (refusing non-local database host ${url.hostname})`);
    return null;
  }
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return admin;
  } catch (error) {
    console.log(`search bench: skipped (no local PostgreSQL at ${url.host}: ${(error as Error).message}). Set DATABASE_URL to run it.`);
    return null;
  }
}

const BENCH_WORKSPACE = "bench-workspace";
/** The bench user working in their personal workspace, as every request does by default. */
const benchScope = (userId: string) => ({ userId, workspaceId: BENCH_WORKSPACE, memberRole: "owner" as const });

async function seed(client: Client, userId: string) {
  const words = `ARRAY[${VOCABULARY.map((word) => `'${word}'`).join(",")}]::text[]`;
  const syllables = `ARRAY[${SYLLABLES.map((syllable) => `'${syllable}'`).join(",")}]::text[]`;
  const syllable = `s[1 + floor(random() * ${SYLLABLES.length})::int]`;
  const pick = `CASE WHEN random() < 0.3 THEN ${syllable} || ${syllable} || ${syllable}
    ELSE w[1 + floor(power(random(), 3) * array_length(w, 1))::int] END`;
  await client.query(`
    INSERT INTO "User" (id, email, "emailVerified", "updatedAt") VALUES ('${userId}', 'bench@example.com', now(), now());
    INSERT INTO "Workspace" (id, name, "personalUserId", "updatedAt") VALUES ('${BENCH_WORKSPACE}', 'Personal', '${userId}', now());
    INSERT INTO "WorkspaceMember" ("workspaceId", "userId", role) VALUES ('${BENCH_WORKSPACE}', '${userId}', 'owner');
    INSERT INTO "Project" (id, "userId", "workspaceId", name, "updatedAt")
      SELECT 'p' || g, '${userId}', '${BENCH_WORKSPACE}', 'p' || g, now() FROM generate_series(1, 20) g;
    INSERT INTO "Tag" (id, "userId", name) VALUES ('t1', '${userId}', 'work'), ('t2', '${userId}', 'home');
    -- Search indexes are built after the bulk insert (much faster than maintaining them row by row).
    DROP INDEX "Message_searchVector_idx";
    DROP INDEX "Conversation_searchVector_idx";
    DROP INDEX "Conversation_title_trgm_idx";`);
  const started = performance.now();
  await client.query(`
    WITH v AS (SELECT ${words} AS w, ${syllables} AS s)
    INSERT INTO "Conversation" (id, "userId", "workspaceId", title, "titleFinal", "projectId", "pinnedAt", "createdAt", "updatedAt")
    SELECT 'c' || g, '${userId}', '${BENCH_WORKSPACE}',
      initcap((SELECT string_agg(${pick}, ' ') FROM v, generate_series(1, 3 + g % 3) AS n WHERE g > 0)),
      true,
      CASE WHEN g % 4 = 0 THEN 'p' || (1 + g % 20) END,
      CASE WHEN g % 97 = 0 THEN now() END,
      timestamp '2026-01-01' + (g * interval '25 minutes'),
      timestamp '2026-01-01' + (g * interval '25 minutes') + interval '1 hour'
    FROM generate_series(1, ${CONVERSATIONS}) g;
    INSERT INTO "ConversationTag" ("conversationId", "tagId")
      SELECT 'c' || g, CASE WHEN g % 2 = 0 THEN 't1' ELSE 't2' END FROM generate_series(1, ${CONVERSATIONS}) g WHERE g % 5 = 0;`);
  await client.query(`
    WITH v AS (SELECT ${words} AS w, ${syllables} AS s)
    INSERT INTO "Message" (id, "conversationId", role, content, "modelId", "tokenCount", "createdAt")
    SELECT 'm' || g, 'c' || (1 + g % ${CONVERSATIONS}),
      (CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END)::"MessageRole",
      (SELECT string_agg(${pick}, ' ') FROM v, generate_series(1, 8 + g % 25) AS n WHERE g > 0),
      CASE WHEN g % 2 = 1 THEN (CASE WHEN g % 3 = 0 THEN 'llama-3.3-70b' ELSE 'gpt-4o-mini' END) END,
      20,
      timestamp '2026-01-01' + ((1 + g % ${CONVERSATIONS}) * interval '25 minutes') + (g / ${CONVERSATIONS}) * interval '1 second'
    FROM generate_series(1, ${MESSAGES}) g;`);
  const inserted = performance.now() - started;
  const indexStarted = performance.now();
  await client.query(`
    CREATE INDEX "Message_searchVector_idx" ON "Message" USING GIN ("searchVector");
    CREATE INDEX "Conversation_searchVector_idx" ON "Conversation" USING GIN ("searchVector");
    CREATE INDEX "Conversation_title_trgm_idx" ON "Conversation" USING GIN ("title" gin_trgm_ops);`);
  await client.query("VACUUM ANALYZE");
  console.log(
    `seeded ${CONVERSATIONS.toLocaleString("en")} conversations and ${MESSAGES.toLocaleString("en")} messages in ` +
      `${(inserted / 1000).toFixed(1)} s, search indexes built in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`,
  );
}

async function main() {
  const server = await serverUrl();
  if (!server) return;
  // BENCH_SEARCH_REUSE_DB=<name>: time queries on a database kept by an earlier run, without seeding.
  const reuse = process.env.BENCH_SEARCH_REUSE_DB;
  const name = reuse || `bc_bench_search_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE "${name}"`);
  const benchUrl = new URL(server);
  benchUrl.pathname = `/${name}`;
  process.env.DATABASE_URL = benchUrl.toString();
  process.env.LOG_LEVEL = "warn";

  // The app's own modules (search service, list service, Prisma over adapter-pg), as the routes run them.
  const jiti = createJiti(import.meta.url, {
    alias: { "@": ROOT, "server-only": path.join(ROOT, "lib/testing/empty-module.ts") },
  });
  const dbModule = await jiti.import<typeof import("../../lib/db")>(path.join(ROOT, "lib/db/index.ts"));
  const searchModule = await jiti.import<typeof import("../../lib/search/service")>(path.join(ROOT, "lib/search/service.ts"));
  const listModule = await jiti.import<typeof import("../../lib/conversations/service")>(path.join(ROOT, "lib/conversations/service.ts"));
  const client = new Client({ connectionString: benchUrl.toString() });
  try {
    await dbModule.ensureMigrated();
    await client.connect();
    const userId = "bench-user";
    if (!reuse) await seed(client, userId);
    const db = dbModule.db();

    console.log(`\nsearch: ${RUNS} runs per query (after one warm-up); ILIKE baseline: ${BASELINE_RUNS} runs per query`);
    console.log("query                      results  search p50   search p95   ILIKE p50    speed-up");
    const allSearch: number[] = [];
    const allLike: number[] = [];
    for (const query of QUERIES) {
      const run = () => searchModule.searchConversations({ ...benchScope(userId), q: query.q, limit: 20 });
      const [, first] = await time(run);
      const times: number[] = [];
      for (let index = 0; index < RUNS; index += 1) times.push((await time(run))[0]);
      // The naive way: scan every message for the words, newest first.
      const likeSql = `SELECT m.id, m."conversationId", m.content FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
        WHERE c."userId" = $1 AND c."deletedAt" IS NULL AND ${query.like.map((_, index) => `m.content ILIKE $${index + 2}`).join(" AND ")}
        ORDER BY m."createdAt" DESC LIMIT 20`;
      const likeParams = [userId, ...query.like.map((word) => `%${word}%`)];
      const likeTimes: number[] = [];
      for (let index = 0; index < BASELINE_RUNS; index += 1) likeTimes.push((await time(() => client.query(likeSql, likeParams)))[0]);
      allSearch.push(...times);
      allLike.push(...likeTimes);
      console.log(
        `${query.label.padEnd(26)} ${String(first.items.length).padStart(7)}  ${ms(percentile(times, 50)).padStart(10)}  ` +
          `${ms(percentile(times, 95)).padStart(10)}  ${ms(percentile(likeTimes, 50)).padStart(10)}  ` +
          `${(percentile(likeTimes, 50) / percentile(times, 50)).toFixed(0).padStart(6)}×`,
      );
    }
    console.log(
      `all queries: search p50 ${ms(percentile(allSearch, 50))}, p95 ${ms(percentile(allSearch, 95))}; ` +
        `ILIKE p50 ${ms(percentile(allLike, 50))}, p95 ${ms(percentile(allLike, 95))}; ` +
        `p50 speed-up ${(percentile(allLike, 50) / percentile(allSearch, 50)).toFixed(0)}×`,
    );

    // Baselines for the list: a primary-key lookup and a 20-row keyset page, both through Prisma.
    const ids = Array.from({ length: 200 }, (_, index) => `c${1 + ((index * 7919) % CONVERSATIONS)}`);
    const pk: number[] = [];
    for (const id of ids) pk.push((await time(() => db.conversation.findUnique({ where: { id }, select: { id: true, title: true } })))[0]);
    const pages: number[] = [];
    let cursor: string | undefined;
    for (let index = 0; index < 200; index += 1) {
      const [elapsed, page] = await time(() => listModule.listConversations({ ...benchScope(userId), limit: 20, cursor, archived: false }));
      pages.push(elapsed);
      cursor = page.nextCursor ?? undefined;
    }
    console.log(
      `\nprimary-key lookup: p50 ${ms(percentile(pk, 50))}, p95 ${ms(percentile(pk, 95))}; ` +
        `20-row keyset page (200 pages deep): p50 ${ms(percentile(pages, 50))}, p95 ${ms(percentile(pages, 95))} ` +
        `(${(percentile(pages, 95) / percentile(pk, 95)).toFixed(1)}× the lookup)`,
    );
  } finally {
    await client.end().catch(() => {});
    await dbModule.closeDatabase().catch(() => {});
    // BENCH_SEARCH_KEEP_DB=1 keeps the seeded database for EXPLAIN ANALYZE by hand.
    if (reuse || process.env.BENCH_SEARCH_KEEP_DB === "1") console.log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

await main();
