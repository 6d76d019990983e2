import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/app/api/docs/api-routes";
import { ApiReference } from "./api-reference";

describe("API reference page", () => {
  it("renders every operation with its auth, parameters, body fields and responses", () => {
    const document = openApiDocument();
    const html = renderToStaticMarkup(createElement(ApiReference, { document }));
    const operations = Object.values(document.paths).reduce((count, methods) => count + Object.keys(methods).length, 0);
    expect(html.match(/data-testid="api-operation"/g)).toHaveLength(operations);
    expect(html).toContain("/api/v1/chat/completions");
    expect(html).toContain("Session or API key · write permission");
    expect(html).toContain("Session only · write permission");
    expect(html).toContain("rateLimitPerHour");
    expect(html).toContain("gracePeriodSeconds");
    expect(html).toContain("Request body (multipart form)");
    expect(html).not.toMatch(/<script/);
  });
});
