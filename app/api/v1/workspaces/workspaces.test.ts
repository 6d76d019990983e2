// Workspaces through their routes on a real database: roles, invites, transfer, removal, deletion,
// and isolation of projects and conversations between workspaces and between members.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as chat } from "@/app/api/v1/chat/route";
import { GET as getChat } from "@/app/api/v1/chat/[id]/route";
import { GET as getConversation, PATCH as patchConversation } from "@/app/api/v1/conversations/[id]/route";
import { GET as listConversations, POST as createConversation } from "@/app/api/v1/conversations/route";
import { GET as search } from "@/app/api/v1/conversations/search/route";
import { GET as getProject, PATCH as patchProject } from "@/app/api/v1/projects/[id]/route";
import { GET as listProjects, POST as createProject } from "@/app/api/v1/projects/route";
import { db } from "@/lib/db";
import { signedInClient, startStubProviders } from "@/lib/testing/chat";
import type { TestClient } from "@/lib/testing/http";
import { DELETE as revokeInvite } from "./[id]/invites/[inviteId]/route";
import { GET as listInvites, POST as invite } from "./[id]/invites/route";
import { DELETE as removeMember, PATCH as updateMember } from "./[id]/members/[userId]/route";
import { GET as listMembers } from "./[id]/members/route";
import { DELETE as deleteWorkspace, GET as getWorkspace, PATCH as renameWorkspace } from "./[id]/route";
import { POST as transfer } from "./[id]/transfer/route";
import { POST as accept } from "./invites/accept/route";
import { GET as listWorkspaces, POST as createWorkspace } from "./route";

interface Person {
  client: TestClient;
  userId: string;
  email: string;
}
interface Workspace {
  id: string;
  name: string;
  personal: boolean;
  role: string;
  members: number;
}
type Items<T> = { items: T[] };

async function person(): Promise<Person> {
  const { client, userId } = await signedInClient();
  const { email } = await db().user.findUniqueOrThrow({ where: { id: userId } });
  return { client, userId, email };
}

const inWorkspace = (workspaceId: string) => ({ headers: { "x-workspace-id": workspaceId } });

async function newWorkspace(owner: Person, name = "Team") {
  const created = await owner.client.call<{ workspace: Workspace }>(createWorkspace, "/api/v1/workspaces", { body: { name } });
  expect(created.status).toBe(201);
  return created.body.workspace.id;
}

/** The token of the newest invite link mailed to `email` (dev outbox). */
async function mailedToken(email: string): Promise<string> {
  const mail = await db().outboxMail.findFirst({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const token = mail?.text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invite mailed to ${email}`);
  return token;
}

async function sendInvite(from: Person, workspaceId: string, email: string, role: "admin" | "member" = "member") {
  return from.client.call<{ invite: { id: string; status: string } }>(invite, "/x", { params: { id: workspaceId }, body: { email, role } });
}

/** `who` joins `workspaceId` through a real invite sent by `by`. */
async function join(by: Person, workspaceId: string, who: Person, role: "admin" | "member" = "member") {
  expect((await sendInvite(by, workspaceId, who.email, role)).status).toBe(201);
  const joined = await who.client.call<{ workspace: Workspace }>(accept, "/x", { body: { token: await mailedToken(who.email) } });
  expect(joined.status, JSON.stringify(joined.body)).toBe(200);
  return joined.body.workspace;
}

beforeAll(async () => {
  await startStubProviders();
});

describe("personal workspaces", () => {
  it("every account has one, listed first, which cannot be deleted, shared or left", async () => {
    const me = await person();
    const listed = await me.client.call<Items<Workspace>>(listWorkspaces, "/api/v1/workspaces");
    expect(listed.body.items).toEqual([expect.objectContaining({ personal: true, role: "owner", members: 1, name: "Personal" })]);
    const personalId = listed.body.items[0]!.id;
    await newWorkspace(me, "Alpha");
    const both = await me.client.call<Items<Workspace>>(listWorkspaces, "/api/v1/workspaces");
    expect(both.body.items.map((workspace) => [workspace.name, workspace.personal])).toEqual([["Personal", true], ["Alpha", false]]);

    expect((await me.client.call(deleteWorkspace, "/x", { method: "DELETE", params: { id: personalId } })).status).toBe(409);
    expect((await sendInvite(me, personalId, "someone@example.com")).status).toBe(409);
    expect((await me.client.call(removeMember, "/x", { method: "DELETE", params: { id: personalId, userId: me.userId } })).status).toBe(409);
  });

  it("new work goes to the personal workspace unless the request names another", async () => {
    const me = await person();
    const team = await newWorkspace(me);
    const personal = await me.client.call<{ project: { id: string } }>(createProject, "/api/v1/projects", { body: { name: "Home project" } });
    const teamProject = await me.client.call<{ project: { id: string } }>(createProject, "/api/v1/projects", { body: { name: "Team project" }, ...inWorkspace(team) });
    const names = async (options = {}) =>
      (await me.client.call<Items<{ name: string }>>(listProjects, "/api/v1/projects", options)).body.items.map((project) => project.name);
    expect(await names()).toEqual(["Home project"]);
    expect(await names(inWorkspace(team))).toEqual(["Team project"]);
    // The query parameter works like the header; the cookie the switcher sets does too.
    expect((await me.client.call<Items<{ name: string }>>(listProjects, `/api/v1/projects?workspaceId=${team}`)).body.items).toHaveLength(1);
    me.client.cookies.set("bc_workspace", team);
    expect(await names()).toEqual(["Team project"]);
    me.client.cookies.delete("bc_workspace");
    // A project of the other workspace does not exist from here.
    expect((await me.client.call(getProject, "/x", { params: { id: teamProject.body.project.id } })).status).toBe(404);
    expect((await me.client.call(getProject, "/x", { params: { id: personal.body.project.id }, ...inWorkspace(team) })).status).toBe(404);
  });

  it("a workspace the caller is not in is a 404 when named, and a stale cookie falls back to the personal one", async () => {
    const me = await person();
    const stranger = await person();
    const theirs = await newWorkspace(stranger);
    expect((await me.client.call(listProjects, "/api/v1/projects", inWorkspace(theirs))).status).toBe(404);
    expect((await me.client.call(listConversations, "/api/v1/conversations", inWorkspace(theirs))).status).toBe(404);
    me.client.cookies.set("bc_workspace", theirs);
    expect((await me.client.call(listProjects, "/api/v1/projects")).status).toBe(200);
  });
});

describe("invites", () => {
  it("mail a link that the invited user accepts once, with the invite's role", async () => {
    const owner = await person();
    const guest = await person();
    const team = await newWorkspace(owner);
    const sent = await sendInvite(owner, team, guest.email.toUpperCase(), "admin");
    expect(sent.status).toBe(201);
    expect(JSON.stringify(sent.body)).not.toContain(await mailedToken(guest.email));
    expect(sent.body.invite).toMatchObject({ status: "pending" });
    const token = await mailedToken(guest.email);
    const joined = await guest.client.call<{ workspace: Workspace }>(accept, "/x", { body: { token } });
    expect(joined.status).toBe(200);
    expect(joined.body.workspace).toMatchObject({ id: team, role: "admin", members: 2 });
    expect((await guest.client.call(accept, "/x", { body: { token } })).status).toBe(409);
    const invites = await owner.client.call<Items<{ status: string }>>(listInvites, "/x", { params: { id: team } });
    expect(invites.body.items.map((item) => item.status)).toEqual(["accepted"]);
  });

  it("refuses another email address, an expired link, a revoked one and a made-up one", async () => {
    const owner = await person();
    const invited = await person();
    const other = await person();
    const team = await newWorkspace(owner);
    await sendInvite(owner, team, invited.email);
    const token = await mailedToken(invited.email);
    const wrong = await other.client.call<{ error: { code: string } }>(accept, "/x", { body: { token } });
    expect(wrong.status).toBe(403);

    await db().workspaceInvite.updateMany({ where: { workspaceId: team }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await invited.client.call<{ error: { code: string } }>(accept, "/x", { body: { token } });
    expect([expired.status, expired.body.error.code]).toEqual([410, "invite_expired"]);

    // A new invite replaces the old link; revoking it ends it.
    const again = await sendInvite(owner, team, invited.email);
    const fresh = await mailedToken(invited.email);
    expect((await owner.client.call(revokeInvite, "/x", { method: "DELETE", params: { id: team, inviteId: again.body.invite.id } })).status).toBe(200);
    expect((await invited.client.call(accept, "/x", { body: { token: fresh } })).status).toBe(404);
    expect((await invited.client.call(accept, "/x", { body: { token: "made-up-token" } })).status).toBe(404);
    const members = await owner.client.call<Items<{ userId: string }>>(listMembers, "/x", { params: { id: team } });
    expect(members.body.items.map((member) => member.userId)).toEqual([owner.userId]);
  });

  it("refuses inviting someone who is already a member", async () => {
    const owner = await person();
    const member = await person();
    const team = await newWorkspace(owner);
    await join(owner, team, member);
    expect((await sendInvite(owner, team, member.email)).status).toBe(409);
  });
});

describe("roles", () => {
  it("members work, admins manage members, only the owner transfers and deletes", async () => {
    const owner = await person();
    const admin = await person();
    const member = await person();
    const stranger = await person();
    const team = await newWorkspace(owner);
    await join(owner, team, admin, "admin");
    await join(admin, team, member);
    const at = (userId: string) => ({ params: { id: team, userId } });

    // A member reads the workspace and its members, and manages nothing.
    expect((await member.client.call(getWorkspace, "/x", { params: { id: team } })).status).toBe(200);
    expect((await member.client.call<Items<unknown>>(listMembers, "/x", { params: { id: team } })).body.items).toHaveLength(3);
    expect((await sendInvite(member, team, "new@example.com")).status).toBe(403);
    expect((await member.client.call(listInvites, "/x", { params: { id: team } })).status).toBe(403);
    expect((await member.client.call(updateMember, "/x", { method: "PATCH", body: { role: "member" }, ...at(admin.userId) })).status).toBe(403);
    expect((await member.client.call(removeMember, "/x", { method: "DELETE", ...at(admin.userId) })).status).toBe(403);
    expect((await member.client.call(renameWorkspace, "/x", { method: "PATCH", params: { id: team }, body: { name: "Mine" } })).status).toBe(403);

    // An admin changes member <-> admin and renames, but never touches the owner, transfers or deletes.
    const promoted = await admin.client.call<{ member: { role: string } }>(updateMember, "/x", { method: "PATCH", body: { role: "admin" }, ...at(member.userId) });
    expect(promoted.body.member.role).toBe("admin");
    expect((await admin.client.call(updateMember, "/x", { method: "PATCH", body: { role: "member" }, ...at(member.userId) })).status).toBe(200);
    expect((await admin.client.call(updateMember, "/x", { method: "PATCH", body: { role: "member" }, ...at(owner.userId) })).status).toBe(403);
    expect((await admin.client.call(removeMember, "/x", { method: "DELETE", ...at(owner.userId) })).status).toBe(403);
    expect((await admin.client.call(renameWorkspace, "/x", { method: "PATCH", params: { id: team }, body: { name: "Renamed" } })).status).toBe(200);
    expect((await admin.client.call(transfer, "/x", { params: { id: team }, body: { userId: admin.userId } })).status).toBe(403);
    expect((await admin.client.call(deleteWorkspace, "/x", { method: "DELETE", params: { id: team } })).status).toBe(403);
    // Nobody outside learns the workspace exists.
    expect((await stranger.client.call(getWorkspace, "/x", { params: { id: team } })).status).toBe(404);
    expect((await stranger.client.call(listMembers, "/x", { params: { id: team } })).status).toBe(404);
    expect((await stranger.client.call(removeMember, "/x", { method: "DELETE", ...at(member.userId) })).status).toBe(404);
    expect((await stranger.client.call(transfer, "/x", { params: { id: team }, body: { userId: stranger.userId } })).status).toBe(404);
    // The owner's role is not "owner" by PATCH.
    expect((await owner.client.call(updateMember, "/x", { method: "PATCH", body: { role: "owner" }, ...at(member.userId) })).status).toBe(422);
  });

  it("the owner transfers ownership to a member and stays as an admin; the owner leaves only after that", async () => {
    const owner = await person();
    const member = await person();
    const outsider = await person();
    const team = await newWorkspace(owner);
    await join(owner, team, member);
    expect((await owner.client.call(removeMember, "/x", { method: "DELETE", params: { id: team, userId: owner.userId } })).status).toBe(409);
    expect((await owner.client.call(transfer, "/x", { params: { id: team }, body: { userId: outsider.userId } })).status).toBe(404);
    const moved = await owner.client.call<{ workspace: Workspace }>(transfer, "/x", { params: { id: team }, body: { userId: member.userId } });
    expect(moved.status).toBe(200);
    expect(moved.body.workspace.role).toBe("admin");
    const members = await member.client.call<Items<{ userId: string; role: string }>>(listMembers, "/x", { params: { id: team } });
    expect(members.body.items.map((item) => [item.userId, item.role])).toEqual([[member.userId, "owner"], [owner.userId, "admin"]]);
    expect((await owner.client.call(removeMember, "/x", { method: "DELETE", params: { id: team, userId: owner.userId } })).status).toBe(200);
    expect((await owner.client.call(getWorkspace, "/x", { params: { id: team } })).status).toBe(404);
  });
});

describe("isolation and sharing", () => {
  async function teamOfTwo() {
    const alice = await person();
    const bob = await person();
    const team = await newWorkspace(alice);
    await join(alice, team, bob);
    const ws = inWorkspace(team);
    const shared = await alice.client.call<{ project: { id: string } }>(createProject, "/x", { body: { name: "Shared", visibility: "workspace" }, ...ws });
    const secret = await alice.client.call<{ project: { id: string } }>(createProject, "/x", { body: { name: "Secret" }, ...ws });
    const makeConversation = async (who: Person, title: string, projectId?: string) =>
      (await who.client.call<{ conversation: { id: string } }>(createConversation, "/x", { body: { title, projectId }, ...ws })).body.conversation.id;
    return {
      alice,
      bob,
      team,
      ws,
      sharedProject: shared.body.project.id,
      secretProject: secret.body.project.id,
      aliceShared: await makeConversation(alice, "alice shared", shared.body.project.id),
      alicePrivate: await makeConversation(alice, "alice private"),
      aliceSecret: await makeConversation(alice, "alice secret", secret.body.project.id),
      bobShared: await makeConversation(bob, "bob shared", shared.body.project.id),
      bobPrivate: await makeConversation(bob, "bob private"),
    };
  }

  it("members see shared projects and their conversations, never each other's private ones", async () => {
    const t = await teamOfTwo();
    const projectNames = async (who: Person) =>
      (await who.client.call<Items<{ name: string }>>(listProjects, "/x", t.ws)).body.items.map((project) => project.name).sort();
    expect(await projectNames(t.alice)).toEqual(["Secret", "Shared"]);
    expect(await projectNames(t.bob)).toEqual(["Shared"]);
    const titles = async (who: Person, query = "") =>
      (await who.client.call<Items<{ title: string }>>(listConversations, `/api/v1/conversations${query}`, t.ws)).body.items.map((item) => item.title).sort();
    expect(await titles(t.alice)).toEqual(["alice private", "alice secret", "alice shared", "bob shared"]);
    expect(await titles(t.bob)).toEqual(["alice shared", "bob private", "bob shared"]);
    expect(await titles(t.bob, `?projectId=${t.secretProject}`)).toEqual([]);
    // Search: the same rule (titles are words too).
    const found = async (who: Person, q: string) =>
      (await who.client.call<Items<{ title: string }>>(search, `/api/v1/conversations/search?q=${encodeURIComponent(q)}`, t.ws)).body.items.map((item) => item.title).sort();
    expect(await found(t.bob, "alice")).toEqual(["alice shared"]);
    expect(await found(t.bob, "project:Secret")).toEqual([]);
    expect(await found(t.alice, "bob")).toEqual(["bob shared"]);
    // Direct reads of the other's private rows are 404s.
    for (const id of [t.alicePrivate, t.aliceSecret]) {
      expect((await t.bob.client.call(getConversation, "/x", { params: { id }, ...t.ws })).status).toBe(404);
      expect((await t.bob.client.call(getChat, "/x", { params: { id }, ...t.ws })).status).toBe(404);
    }
    expect((await t.bob.client.call(getProject, "/x", { params: { id: t.secretProject }, ...t.ws })).status).toBe(404);
    // Bob cannot file a conversation into Alice's private project.
    expect((await t.bob.client.call(patchConversation, "/x", { method: "PATCH", params: { id: t.bobPrivate }, body: { projectId: t.secretProject }, ...t.ws })).status).toBe(404);
  });

  it("a shared project's conversations are read-only to members other than their creator", async () => {
    const t = await teamOfTwo();
    const view = await t.bob.client.call<{ conversation: { readOnly: boolean } }>(getChat, "/x", { params: { id: t.aliceShared }, ...t.ws });
    expect(view.status).toBe(200);
    expect(view.body.conversation.readOnly).toBe(true);
    expect((await t.bob.client.call(patchConversation, "/x", { method: "PATCH", params: { id: t.aliceShared }, body: { title: "mine" }, ...t.ws })).status).toBe(403);
    const turn = await t.bob.client.call(chat, "/api/v1/chat", { body: { action: "send", conversationId: t.aliceShared, message: "hi" }, ...t.ws });
    expect(turn.status).toBe(403);
    expect(await db().message.count({ where: { conversationId: t.aliceShared } })).toBe(0);
    // Only the creator (or an admin, for a shared one) changes the project.
    expect((await t.bob.client.call(patchProject, "/x", { method: "PATCH", params: { id: t.sharedProject }, body: { name: "Bob's" }, ...t.ws })).status).toBe(403);
    // It stays shared while others have conversations in it.
    expect((await t.alice.client.call(patchProject, "/x", { method: "PATCH", params: { id: t.sharedProject }, body: { visibility: "private" }, ...t.ws })).status).toBe(409);
  });

  it("a member of one workspace gets 404 for another workspace's projects and conversations", async () => {
    const t = await teamOfTwo();
    const carol = await person();
    const other = await newWorkspace(carol, "Other");
    for (const who of [carol]) {
      for (const ws of [inWorkspace(other), {}]) {
        expect((await who.client.call(getProject, "/x", { params: { id: t.sharedProject }, ...ws })).status).toBe(404);
        expect((await who.client.call(getConversation, "/x", { params: { id: t.aliceShared }, ...ws })).status).toBe(404);
        expect((await who.client.call(getChat, "/x", { params: { id: t.aliceShared }, ...ws })).status).toBe(404);
      }
    }
    // Bob (a member of the team) names his own personal workspace: the team's rows are not there.
    expect((await t.bob.client.call(getConversation, "/x", { params: { id: t.aliceShared } })).status).toBe(404);
    expect((await t.bob.client.call<Items<unknown>>(listConversations, "/api/v1/conversations")).body.items).toEqual([]);
  });

  it("removing a member keeps their shared work and sends their private work home", async () => {
    const t = await teamOfTwo();
    const bobsSecret = (await t.bob.client.call<{ project: { id: string } }>(createProject, "/x", { body: { name: "Bob secret" }, ...t.ws })).body.project.id;
    const removed = await t.alice.client.call<{ movedHome: { projects: number; conversations: number } }>(removeMember, "/x", {
      method: "DELETE",
      params: { id: t.team, userId: t.bob.userId },
    });
    expect(removed.body.movedHome).toEqual({ projects: 1, conversations: 1 });
    const titles = async (who: Person, options = {}) =>
      (await who.client.call<Items<{ title: string }>>(listConversations, "/api/v1/conversations", options)).body.items.map((item) => item.title).sort();
    expect(await titles(t.alice, t.ws)).toEqual(["alice private", "alice secret", "alice shared", "bob shared"]);
    expect(await titles(t.bob)).toEqual(["bob private"]);
    expect((await t.bob.client.call(getProject, "/x", { params: { id: bobsSecret } })).status).toBe(200);
    expect((await t.bob.client.call(listProjects, "/x", t.ws)).status).toBe(404);
  });

  it("deleting a workspace sends every project and conversation to its creator's personal workspace", async () => {
    const t = await teamOfTwo();
    const deleted = await t.alice.client.call<{ movedHome: { projects: number; conversations: number } }>(deleteWorkspace, "/x", {
      method: "DELETE",
      params: { id: t.team },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.movedHome).toEqual({ projects: 2, conversations: 5 });
    const titles = async (who: Person) =>
      (await who.client.call<Items<{ title: string; projectId: string | null }>>(listConversations, "/api/v1/conversations")).body.items
        .map((item) => `${item.title}${item.projectId ? " (in project)" : ""}`)
        .sort();
    expect(await titles(t.alice)).toEqual(["alice private", "alice secret (in project)", "alice shared (in project)"]);
    // Bob's conversation left Alice's project: it cannot follow it into her personal workspace.
    expect(await titles(t.bob)).toEqual(["bob private", "bob shared"]);
    const projects = await t.alice.client.call<Items<{ visibility: string }>>(listProjects, "/x");
    expect(projects.body.items.map((project) => project.visibility)).toEqual(["private", "private"]);
  });
});
