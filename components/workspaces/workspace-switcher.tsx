"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useSwitchWorkspace, useWorkspaces } from "./use-workspaces";

/** The sidebar's workspace picker: switching reloads everything for the chosen workspace. */
export function WorkspaceSwitcher({ currentId, onNavigate }: { currentId: string; onNavigate?: () => void }) {
  const workspaces = useWorkspaces();
  const switchTo = useSwitchWorkspace();
  const router = useRouter();
  const items = workspaces.data?.items ?? [];

  return (
    <div className="flex items-center gap-2">
      <label htmlFor="workspace-switcher" className="sr-only">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        data-testid="workspace-switcher"
        value={currentId}
        disabled={items.length === 0}
        onChange={(event) => {
          switchTo(event.target.value);
          onNavigate?.();
          router.push("/chat");
          router.refresh();
        }}
        className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      >
        {items.length === 0 && <option value={currentId}>Workspace</option>}
        {items.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.personal ? `${workspace.name} (just me)` : workspace.name}
          </option>
        ))}
      </select>
      <Link
        href="/workspaces"
        onClick={onNavigate}
        data-testid="workspaces-manage"
        className="shrink-0 rounded-md px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-200/70 dark:text-zinc-400 dark:hover:bg-zinc-800"
      >
        Manage
      </Link>
    </div>
  );
}
