import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getPagePrincipal } from "@/lib/auth/page";
import { buttonClass } from "@/components/ui/button-class";
import { Brand } from "@/components/shell/brand";
import { ThemeToggle } from "@/components/shell/theme-toggle";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await getPagePrincipal()) redirect("/chat");
  return (
    <div className="flex min-h-dvh flex-col bg-zinc-50 dark:bg-zinc-950">
      <header className="flex items-center justify-between px-4 py-3 sm:px-6">
        <Link href="/login" className="rounded-lg focus-visible:outline-2 focus-visible:outline-zinc-900 dark:focus-visible:outline-zinc-100">
          <Brand />
        </Link>
        <ThemeToggle className={buttonClass("ghost", "icon")} />
      </header>
      <main className="flex flex-1 justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
