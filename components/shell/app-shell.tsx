"use client";

import { useEffect, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { MenuIcon } from "@/components/ui/icons";
import { Brand } from "./brand";
import { Sidebar } from "./sidebar";

const SIDEBAR_ID = "app-sidebar";

/** Sidebar beside the main pane; below the md breakpoint the sidebar becomes a drawer behind a menu button. */
export function AppShell({ email, workspaceId, children }: { email: string; workspaceId: string; children: ReactNode }) {
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const closeSidebar = () => setSidebarOpen(false);

  useEffect(() => {
    if (!sidebarOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setSidebarOpen(false);
    };
    window.addEventListener("keydown", closeOnEscape);
    return () => window.removeEventListener("keydown", closeOnEscape);
  }, [sidebarOpen]);

  return (
    <div className="flex h-dvh overflow-hidden">
      <Sidebar id={SIDEBAR_ID} email={email} workspaceId={workspaceId} open={sidebarOpen} onClose={closeSidebar} />
      {sidebarOpen && (
        <div aria-hidden="true" onClick={closeSidebar} className="fixed inset-0 z-30 bg-black/40 md:hidden" />
      )}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 px-2 md:hidden dark:border-zinc-800">
          <button
            type="button"
            onClick={() => setSidebarOpen(true)}
            aria-label="Open sidebar"
            aria-expanded={sidebarOpen}
            aria-controls={SIDEBAR_ID}
            className={buttonClass("ghost", "icon")}
          >
            <MenuIcon className="size-5" />
          </button>
          <Brand />
        </header>
        <main className="min-h-0 flex-1 overflow-y-auto">{children}</main>
      </div>
    </div>
  );
}
