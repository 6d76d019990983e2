"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { SidebarConversations } from "@/components/conversations/sidebar-conversations";
import { SearchPalette } from "@/components/search/search-palette";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { buttonClass } from "@/components/ui/button-class";
import { cx } from "@/components/ui/cx";
import { ShortcutHint, useOpenShortcutHelp } from "@/components/keyboard/keyboard-shortcuts";
import { CloseIcon, FolderIcon, ImageIcon, KeyboardIcon, NewChatIcon, SettingsIcon } from "@/components/ui/icons";
import { Brand } from "./brand";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

const itemClass =
  "flex w-full cursor-pointer items-center gap-3 rounded-lg px-3 py-2 text-sm text-zinc-700 transition-colors " +
  "hover:bg-zinc-200/70 focus-visible:outline-2 focus-visible:outline-zinc-900 disabled:cursor-not-allowed disabled:opacity-60 " +
  "dark:text-zinc-300 dark:hover:bg-zinc-800 dark:focus-visible:outline-zinc-100";

const appLinks = [
  { href: "/projects", label: "Projects", Icon: FolderIcon },
  { href: "/media", label: "Images and audio", Icon: ImageIcon },
  { href: "/settings", label: "Settings", Icon: SettingsIcon },
];

interface SidebarProps {
  id: string;
  email: string;
  /** The workspace the pages show (the switcher's cookie, else the personal one). */
  workspaceId: string;
  /** Only matters below the md breakpoint, where the sidebar is a drawer. */
  open: boolean;
  /** Only matters from the md breakpoint on: the person hid the sidebar (Ctrl/Cmd+Shift+S). */
  collapsed: boolean;
  onClose: () => void;
}

export function Sidebar({ id, email, workspaceId, open, collapsed, onClose }: SidebarProps) {
  const pathname = usePathname();
  const openShortcutHelp = useOpenShortcutHelp();
  return (
    <aside
      id={id}
      data-testid="sidebar"
      aria-label="Sidebar"
      className={cx(
        "fixed inset-y-0 left-0 z-40 flex w-72 flex-col border-r border-zinc-200 bg-zinc-50 transition-[translate,visibility]",
        "md:static md:z-auto md:w-64",
        "dark:border-zinc-800 dark:bg-zinc-900",
        open ? "translate-x-0" : "max-md:invisible max-md:-translate-x-full",
        collapsed && "md:hidden",
      )}
    >
      <div className="flex items-center justify-between px-4 pt-4 pb-2">
        <Link href="/chat" onClick={onClose} className="rounded-lg focus-visible:outline-2 focus-visible:outline-zinc-900 dark:focus-visible:outline-zinc-100">
          <Brand />
        </Link>
        <button type="button" onClick={onClose} aria-label="Close sidebar" className={buttonClass("ghost", "icon", "md:hidden")}>
          <CloseIcon className="size-5" />
        </button>
      </div>

      <div className="px-3 pt-1">
        <WorkspaceSwitcher currentId={workspaceId} onNavigate={onClose} />
      </div>

      <div className="px-3 py-2">
        <Link href="/chat" onClick={onClose} className={buttonClass("secondary", "md", "w-full justify-start")}>
          <NewChatIcon />
          New chat
          <ShortcutHint id="newChat" className="ml-auto" />
        </Link>
      </div>

      <div className="px-3 pb-1">
        <SearchPalette onNavigate={onClose} />
      </div>

      <nav aria-label="Conversations" className="flex min-h-0 flex-1 flex-col overflow-y-auto px-3 py-2">
        <SidebarConversations onNavigate={onClose} />
      </nav>

      <div className="space-y-1 border-t border-zinc-200 p-3 dark:border-zinc-800">
        <div className="flex items-center gap-3 px-3 py-2">
          <span
            aria-hidden="true"
            className="grid size-8 shrink-0 place-items-center rounded-full bg-zinc-900 text-sm font-semibold text-white uppercase dark:bg-zinc-100 dark:text-zinc-900"
          >
            {email.charAt(0)}
          </span>
          <span data-testid="user-menu-email" title={email} className="min-w-0 truncate text-sm font-medium">
            {email}
          </span>
        </div>
        {appLinks.map(({ href, label, Icon }) => (
          <Link
            key={href}
            href={href}
            onClick={onClose}
            aria-current={pathname === href ? "page" : undefined}
            className={cx(itemClass, pathname === href && "bg-zinc-200/70 dark:bg-zinc-800")}
          >
            <Icon />
            {label}
          </Link>
        ))}
        <ThemeToggle showLabel className={itemClass} />
        {/* Keyboard help is no use under a finger. */}
        <button type="button" data-testid="shortcut-help-open" onClick={openShortcutHelp} className={cx(itemClass, "pointer-coarse:hidden")}>
          <KeyboardIcon />
          Keyboard shortcuts
        </button>
        <SignOutButton className={itemClass} />
      </div>
    </aside>
  );
}
