import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export function AuthCard({
  title,
  description,
  footer,
  children,
}: {
  title: string;
  description?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <Card className="p-6 sm:p-8">
        <div className="mb-6 space-y-1.5">
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          {description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
        </div>
        <div className="space-y-4">{children}</div>
      </Card>
      {footer && <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">{footer}</p>}
    </div>
  );
}
