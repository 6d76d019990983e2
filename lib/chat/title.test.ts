import { describe, expect, it } from "vitest";
import { cleanTitle, fallbackTitle } from "./title";

describe("conversation titles", () => {
  it("cleans what a model tends to wrap a title in", () => {
    expect(cleanTitle('"Planning a Trip to Lahore."')).toBe("Planning a Trip to Lahore");
    expect(cleanTitle("Title: Rust borrow checker help\nThis conversation is about…")).toBe("Rust borrow checker help");
    expect(cleanTitle("**Bold title**")).toBe("Bold title");
  });

  it("caps the length", () => {
    expect(cleanTitle("x".repeat(100))).toHaveLength(60);
  });

  it("falls back to the first words of the question", () => {
    expect(fallbackTitle("  how do I   bake bread at home without yeast please")).toBe("how do I bake bread at");
    expect(fallbackTitle("")).toBe("New chat");
  });
});
