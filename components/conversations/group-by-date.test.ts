import { describe, expect, it } from "vitest";
import { dateGroupOf, groupByDate } from "./group-by-date";

describe("groupByDate", () => {
  const now = new Date(2026, 10, 25, 15, 0);
  it("puts each time in Today, Yesterday, Previous 7 days or Older by local day", () => {
    expect(dateGroupOf(new Date(2026, 10, 25, 0, 1), now)).toBe("today");
    expect(dateGroupOf(new Date(2026, 10, 24, 23, 59), now)).toBe("yesterday");
    expect(dateGroupOf(new Date(2026, 10, 24, 0, 0), now)).toBe("yesterday");
    expect(dateGroupOf(new Date(2026, 10, 23, 23, 0), now)).toBe("week");
    expect(dateGroupOf(new Date(2026, 10, 18, 0, 0), now)).toBe("week");
    expect(dateGroupOf(new Date(2026, 10, 17, 23, 59), now)).toBe("older");
  });

  it("keeps order within groups and drops empty groups", () => {
    const items = [
      { id: "a", updatedAt: new Date(2026, 10, 25, 14).toISOString() },
      { id: "b", updatedAt: new Date(2026, 10, 25, 9).toISOString() },
      { id: "c", updatedAt: new Date(2026, 9, 1).toISOString() },
    ];
    expect(groupByDate(items, now).map(({ group, items: grouped }) => [group, grouped.map((item) => item.id)])).toEqual([
      ["today", ["a", "b"]],
      ["older", ["c"]],
    ]);
  });
});
