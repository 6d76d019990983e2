"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { KeyboardShortcuts, useShortcut } from "@/components/keyboard/keyboard-shortcuts";
import { buttonClass } from "@/components/ui/button-class";
import { cx } from "@/components/ui/cx";
import { MenuIcon } from "@/components/ui/icons";
import { Brand } from "./brand";
import { Sidebar } from "./sidebar";

const SIDEBAR_ID = "app-sidebar";
const MAIN_ID = "main-content";
/** Tailwind's md breakpoint: from here on the sidebar sits beside the page instead of over it. */
const WIDE_QUERY = "(min-width: 48rem)";

/** Sidebar beside the main pane; below the md breakpoint the sidebar becomes a drawer behind a menu button. */
export function AppShell({ email, workspaceId, children }: { email: string; workspaceId: string; children: ReactNode }) {
  return (
    <KeyboardShortcuts>
      <Shell email={email} workspaceId={workspaceId}>
        {children}
      </Shell>
    </KeyboardShortcuts>
  );
}

function Shell({ email, workspaceId, children }: { email: string; workspaceId: string; children: ReactNode }) {
  const router = useRouter();
  // The drawer on narrow screens; on wide ones the sidebar is shown unless the person hid it.
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [sidebarHidden, setSidebarHidden] = useState(false);
  const closeSidebar = () => setSidebarOpen(false);
  const wide = () => window.matchMedia(WIDE_QUERY).matches;
  const openSidebar = () => (wide() ? setSidebarHidden(false) : setSidebarOpen(true));

  useShortcut("newChat", () => router.push("/chat"));
  useShortcut("toggleSidebar", () => {
    if (wide()) setSidebarHidden((hidden) => !hidden);
    else setSidebarOpen((open) => !open);
  });

  useEffect(() => {
    if (!sidebarOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.shiftKey) setSidebarOpen(false);
    };
    window.addEventListener("keydown", closeOnEscape);
    return () => window.removeEventListener("keydown", closeOnEscape);
  }, [sidebarOpen]);

  return (
    <div className="flex h-dvh overflow-hidden">
      <a
        href={`#${MAIN_ID}`}
        data-testid="skip-link"
        className="sr-only rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 dark:bg-zinc-100 dark:text-zinc-900"
      >
        Skip to content
      </a>
      <Sidebar
        id={SIDEBAR_ID}
        email={email}
        workspaceId={workspaceId}
        open={sidebarOpen}
        collapsed={sidebarHidden}
        onClose={closeSidebar}
      />
      {sidebarOpen && (
        <div aria-hidden="true" onClick={closeSidebar} className="fixed inset-0 z-30 bg-black/40 md:hidden" />
      )}
      <div className="flex min-w-0 flex-1 flex-col">
        <header
          className={cx(
            "flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 px-2 dark:border-zinc-800",
            !sidebarHidden && "md:hidden",
          )}
        >
          <button
            type="button"
            data-testid="sidebar-open"
            onClick={openSidebar}
            aria-label="Open sidebar"
            aria-expanded={sidebarOpen}
            aria-controls={SIDEBAR_ID}
            className={buttonClass("ghost", "icon", "pointer-coarse:size-11")}
          >
            <MenuIcon className="size-5" />
          </button>
          <Brand />
        </header>
        {/* Focusable so the skip link moves keyboard focus here, not only the scroll position. */}
        <main id={MAIN_ID} tabIndex={-1} className="min-h-0 flex-1 overflow-y-auto focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
