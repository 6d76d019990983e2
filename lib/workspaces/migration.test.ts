// The workspaces migration on a database that already has users and their work: each user gets
// a personal workspace (as its owner) and every project and conversation lands in its
// creator's, before the columns become required.
import { describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { createTestDatabase } from "@/lib/testing/database";

describe("the workspaces migration", () => {
  it("backfills a personal workspace per user and moves existing projects and conversations into it", async () => {
    const all = await readMigrations();
    const index = all.findIndex((migration) => migration.name.endsWith("_workspaces"));
    expect(index).toBeGreaterThan(0);
    const test = await createTestDatabase(null, { migrations: all.slice(0, index) });
    try {
      const { sql } = test.database;
      await sql.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('u1', 'one@example.com', now()), ('u2', 'two@example.com', now()), ('u3', 'three@example.com', now())`);
      await sql.query(`INSERT INTO "Project" (id, "userId", name, "updatedAt") VALUES ('p1', 'u1', 'Thesis', now()), ('p2', 'u2', 'Trips', now())`);
      await sql.query(`INSERT INTO "Conversation" (id, "userId", title, "projectId", "updatedAt") VALUES
        ('c1', 'u1', 'in a project', 'p1', now()), ('c2', 'u1', 'loose', NULL, now()), ('c3', 'u2', 'theirs', 'p2', now())`);

      expect(await applyMigrations(sql, all)).toEqual(all.slice(index).map((migration) => migration.name));

      const workspaces = await sql.query<{ userId: string; id: string; name: string; role: string; members: number }>(`
        SELECT w."personalUserId" AS "userId", w.id, w.name, m.role::text AS role,
          (SELECT count(*)::int FROM "WorkspaceMember" x WHERE x."workspaceId" = w.id) AS members
        FROM "Workspace" w JOIN "WorkspaceMember" m ON m."workspaceId" = w.id AND m."userId" = w."personalUserId"
        ORDER BY w."personalUserId"`);
      expect(workspaces.map(({ userId, name, role, members }) => ({ userId, name, role, members }))).toEqual([
        { userId: "u1", name: "Personal", role: "owner", members: 1 },
        { userId: "u2", name: "Personal", role: "owner", members: 1 },
        { userId: "u3", name: "Personal", role: "owner", members: 1 },
      ]);
      const personal = new Map(workspaces.map((workspace) => [workspace.userId, workspace.id]));

      const projects = await sql.query<{ id: string; userId: string; workspaceId: string; visibility: string }>(
        `SELECT id, "userId", "workspaceId", visibility::text AS visibility FROM "Project" ORDER BY id`,
      );
      expect(projects.map((row) => [row.id, row.workspaceId === personal.get(row.userId), row.visibility])).toEqual([
        ["p1", true, "private"],
        ["p2", true, "private"],
      ]);
      const conversations = await sql.query<{ id: string; userId: string; workspaceId: string; projectId: string | null }>(
        `SELECT id, "userId", "workspaceId", "projectId" FROM "Conversation" ORDER BY id`,
      );
      expect(conversations.map((row) => [row.id, row.workspaceId === personal.get(row.userId), row.projectId])).toEqual([
        ["c1", true, "p1"],
        ["c2", true, null],
        ["c3", true, "p2"],
      ]);
      // From now on a row must name its workspace.
      await expect(sql.query(`INSERT INTO "Conversation" (id, "userId", title, "updatedAt") VALUES ('c4', 'u3', 'nowhere', now())`)).rejects.toThrow(/workspaceId/);
    } finally {
      await test.dispose();
    }
  });
});
