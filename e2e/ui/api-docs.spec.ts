import { expect, test } from "@playwright/test";

test("the API reference lists every operation of the OpenAPI document and filters them", async ({ page, request }) => {
  const response = await request.get("/api/docs/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  const operations = Object.values(document.paths as Record<string, Record<string, unknown>>).reduce(
    (count, methods) => count + Object.keys(methods).length,
    0,
  );

  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "BaatCheet API" })).toBeVisible();
  await expect(page.getByTestId("api-operation")).toHaveCount(operations);

  await page.getByTestId("api-docs-filter").fill("post completions");
  await expect(page.getByTestId("api-docs-filter-count")).toHaveText("1 endpoint match.");
  const visible = page.locator("[data-testid=api-operation]:visible");
  await expect(visible).toHaveCount(1);
  await expect(visible).toContainText("/api/v1/chat/completions");
  await expect(visible).toContainText("Session or API key · write permission");

  await page.getByTestId("api-docs-filter").fill("");
  await expect(page.locator("[data-testid=api-operation]:visible")).toHaveCount(operations);
});
