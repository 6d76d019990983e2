"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError, Notice } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import {
  useChangeRole,
  useCreateWorkspace,
  useInvite,
  useInvites,
  useMembers,
  useRemoveMember,
  useRevokeInvite,
  useSwitchWorkspace,
  useWorkspaces,
  type WorkspaceItem,
} from "./use-workspaces";

const selectClass = "rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** Create workspaces; for the current one, its members, their roles and invites. */
export function WorkspacesPage({ currentId }: { currentId: string }) {
  const workspaces = useWorkspaces();
  const current = workspaces.data?.items.find((workspace) => workspace.id === currentId);
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 p-6">
      <h1 className="text-2xl font-semibold">Workspaces</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A workspace holds projects and chats. Your personal one is yours alone; in a team workspace, projects you share are seen by every member, and
        everything else stays private to whoever made it.
      </p>
      <CreateWorkspace />
      {current && !current.personal && <TeamSettings workspace={current} />}
      {current?.personal && <Notice testId="workspace-personal">You are in your personal workspace. Switch to a team workspace to manage its members.</Notice>}
    </div>
  );
}

function CreateWorkspace() {
  const create = useCreateWorkspace();
  const switchTo = useSwitchWorkspace();
  const router = useRouter();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    create.mutate(name, {
      onSuccess: ({ workspace }) => {
        switchTo(workspace.id);
        router.refresh();
      },
    });
  };
  return (
    <Card className="p-4">
      <form onSubmit={submit} className="flex items-end gap-2" data-testid="workspace-create-form">
        <Field id="workspace-name" name="name" label="New workspace" required maxLength={80} className="flex-1" placeholder="e.g. Research team" />
        <Button type="submit" pending={create.isPending} data-testid="workspace-create">
          Create
        </Button>
      </form>
      {create.error && <FormError>{create.error.message}</FormError>}
    </Card>
  );
}

function TeamSettings({ workspace }: { workspace: WorkspaceItem }) {
  const manages = workspace.role === "owner" || workspace.role === "admin";
  return (
    <section className="space-y-4" data-testid="workspace-settings">
      <h2 className="text-lg font-semibold">
        {workspace.name} <span className="text-sm font-normal text-zinc-500 dark:text-zinc-400">(you are {workspace.role})</span>
      </h2>
      <Members workspace={workspace} manages={manages} />
      {manages && <Invites workspaceId={workspace.id} />}
    </section>
  );
}

function Members({ workspace, manages }: { workspace: WorkspaceItem; manages: boolean }) {
  const members = useMembers(workspace.id);
  const changeRole = useChangeRole(workspace.id);
  const remove = useRemoveMember(workspace.id);
  const error = changeRole.error ?? remove.error;
  return (
    <Card className="p-4">
      <h3 className="mb-2 font-medium">Members</h3>
      {error && <FormError>{error.message}</FormError>}
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="workspace-members">
        {members.data?.items.map((member) => (
          <li key={member.userId} className="flex items-center gap-2 py-2 text-sm" data-testid="workspace-member">
            <span className="min-w-0 flex-1 truncate">{member.email}</span>
            {manages && member.role !== "owner" ? (
              <select
                aria-label={`Role of ${member.email}`}
                value={member.role}
                onChange={(event) => changeRole.mutate({ userId: member.userId, role: event.target.value as "admin" | "member" })}
                className={selectClass}
              >
                <option value="member">member</option>
                <option value="admin">admin</option>
              </select>
            ) : (
              <span className="text-zinc-500 dark:text-zinc-400">{member.role}</span>
            )}
            {manages && member.role !== "owner" && (
              <Button variant="ghost" size="sm" onClick={() => remove.mutate(member.userId)}>
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Invites({ workspaceId }: { workspaceId: string }) {
  const invites = useInvites(workspaceId, true);
  const invite = useInvite(workspaceId);
  const revoke = useRevokeInvite(workspaceId);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "");
    invite.mutate(
      { email, role: data.get("role") === "admin" ? "admin" : "member" },
      {
        onSuccess: () => {
          setSentTo(email);
          form.reset();
        },
      },
    );
  };
  return (
    <Card className="space-y-3 p-4">
      <h3 className="font-medium">Invite people</h3>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" data-testid="invite-form">
        <Field id="invite-email" name="email" type="email" label="Email" required className="min-w-48 flex-1" />
        <select name="role" aria-label="Role" defaultValue="member" className={selectClass}>
          <option value="member">member</option>
          <option value="admin">admin</option>
        </select>
        <Button type="submit" pending={invite.isPending} data-testid="invite-send">
          Send invite
        </Button>
      </form>
      {invite.error && <FormError>{invite.error.message}</FormError>}
      {sentTo && <Notice testId="invite-sent">Invite sent to {sentTo}. The link works for 7 days.</Notice>}
      <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" data-testid="invite-list">
        {invites.data?.items.map((item) => (
          <li key={item.id} className="flex items-center gap-2 py-2">
            <span className="min-w-0 flex-1 truncate">{item.email}</span>
            <span className="text-zinc-500 dark:text-zinc-400">
              {item.role} · {item.status}
            </span>
            {item.status === "pending" && (
              <Button variant="ghost" size="sm" onClick={() => revoke.mutate(item.id)}>
                Revoke
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
