// Sidebar sections by last activity, in the viewer's local time.
export type DateGroup = "today" | "yesterday" | "week" | "older";

export const dateGroupLabels: Record<DateGroup, string> = {
  today: "Today",
  yesterday: "Yesterday",
  week: "Previous 7 days",
  older: "Older",
};

export function dateGroupOf(at: Date, now: Date): DateGroup {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const day = 24 * 60 * 60 * 1000;
  if (at >= startOfToday) return "today";
  if (at.getTime() >= startOfToday.getTime() - day) return "yesterday";
  if (at.getTime() >= startOfToday.getTime() - 7 * day) return "week";
  return "older";
}

/** Keeps the input order (newest first) inside each group; empty groups are left out. */
export function groupByDate<T extends { updatedAt: string }>(items: T[], now: Date): { group: DateGroup; items: T[] }[] {
  const groups = new Map<DateGroup, T[]>();
  for (const item of items) {
    const group = dateGroupOf(new Date(item.updatedAt), now);
    groups.set(group, [...(groups.get(group) ?? []), item]);
  }
  return (["today", "yesterday", "week", "older"] as const).flatMap((group) =>
    groups.has(group) ? [{ group, items: groups.get(group)! }] : [],
  );
}
