// npm run openapi:routes — regenerates lib/openapi/routes.generated.ts after routes change.
import { writeFile } from "node:fs/promises";
import { renderRoutesModule, scanRoutes } from "./scan-routes";

const routes = await scanRoutes();
await writeFile("lib/openapi/routes.generated.ts", renderRoutesModule(routes));
console.log(`lib/openapi/routes.generated.ts: ${routes.length} operations`);
