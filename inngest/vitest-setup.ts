// Vitest: hands the functions to lib/jobs, as instrumentation.ts does when the server starts.
import { provideJobFunctions } from "@/lib/jobs/registry";

provideJobFunctions(async () => (await import("./index")).functions);
