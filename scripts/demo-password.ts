// Sets a new generated password for the demo admin and prints it: `npm run demo:password`.
import { loadConfig } from "../src/config/env.ts";
import { resetDemoAdminPassword } from "../src/demo/seed.ts";
import { createPlatform } from "../src/platform.ts";

const platform = await createPlatform(loadConfig({ ...process.env, LOG_LEVEL: "warn" }));
const result = await resetDemoAdminPassword(platform.database.db);
await platform.close();
if (!result) {
  console.error("There is no demo admin in this database.");
  process.exit(1);
}
console.log(`New password for ${result.email}: ${result.password}`);
