import { defineConfig } from "drizzle-kit";

// Used only to *generate* SQL migrations from src/server/db/schema.ts (`npx drizzle-kit generate`).
// Migrations are applied by the app at start-up (src/server/db/migrate.ts), on PGlite and PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema.ts",
  out: "./src/server/db/migrations",
});
