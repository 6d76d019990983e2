import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./search-params";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeCallbackUrl("/chat/abc")).toBe("/chat/abc");
    expect(safeCallbackUrl("/projects?tab=all#top")).toBe("/projects?tab=all#top");
  });

  it("falls back to /chat for nothing, relative paths and absolute URLs", () => {
    for (const value of [undefined, "", "chat", "https://evil.example/", "javascript:alert(1)", "http:/evil.example"]) {
      expect(safeCallbackUrl(value), String(value)).toBe("/chat");
    }
  });

  it("refuses every way of writing another host that the browser's URL parser accepts", () => {
    const strippedByParser = ["\t", "\n", "\r"];
    const variants = [
      "//evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/\\/evil.example",
      ...strippedByParser.flatMap((control) => [`/${control}/evil.example`, `/${control}\\evil.example`, `/${control}${control}/evil.example`]),
      ...strippedByParser.map((control) => `/\\${control}evil.example`),
    ];
    for (const value of variants) {
      const result = safeCallbackUrl(value);
      expect(new URL(result, "https://baatcheet.example").host, JSON.stringify(value)).toBe("baatcheet.example");
    }
  });

  it("never returns a string the browser could read as another host", () => {
    for (let code = 0; code < 0x20; code += 1) {
      const result = safeCallbackUrl(`/${String.fromCharCode(code)}/evil.example/path`);
      expect(new URL(result, "https://baatcheet.example").host, `U+${code.toString(16)}`).toBe("baatcheet.example");
    }
  });
});
