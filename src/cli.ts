/** The `knotwork` command: start, migrate, seed, create-user, find. */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { loadConfig } from "./server/config";

const USAGE = `Usage: knotwork <command> [options]

Commands:
  start                     Serve the app (migrates, seeds the demo clinic on first run)
  migrate                   Apply database migrations
  seed                      Create the demo clinic if it is missing
  create-user               Create a staff account:
                              --email E --name "N" --role owner|therapist|front_desk --clinic SLUG [--password P]
  find REGION... [--json]   Muscles commonly associated with pain in these regions

Configuration comes from environment variables; see README.md.`;

async function createUserCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      clinic: { type: "string", default: "demo" },
      password: { type: "string" },
    },
  });
  const { createStaffUser } = await import("./server/staff/create-user");
  const { openMigratedDatabase } = await import("./server/main");
  const password = values.password ?? randomBytes(12).toString("base64url");
  const database = await openMigratedDatabase(loadConfig());
  try {
    const result = await createStaffUser(database.db, {
      email: values.email ?? "",
      name: values.name ?? "",
      role: values.role ?? "",
      clinicSlug: values.clinic ?? "demo",
      password,
    });
    if (!result.ok) {
      console.error(result.message);
      return 2;
    }
    console.log(`Created ${values.role} ${values.email} at ${values.clinic}.`);
    if (!values.password) console.log(`Password: ${password}`);
    return 0;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start": {
      const { startServer } = await import("./server/main");
      const { stop } = await startServer(loadConfig());
      const shutdown = async () => {
        await stop();
        process.exit(0);
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
      return -1;
    }
    case "migrate": {
      const { openMigratedDatabase } = await import("./server/main");
      const database = await openMigratedDatabase(loadConfig());
      await database.close();
      console.log("Migrations applied.");
      return 0;
    }
    case "seed": {
      const { openMigratedDatabase, demoLoginsText } = await import("./server/main");
      const { seedDemoClinic } = await import("./server/seed/demo");
      const database = await openMigratedDatabase(loadConfig());
      const { created } = await seedDemoClinic(database.db);
      await database.close();
      console.log(created ? "Demo clinic created." : "Demo clinic already present.");
      console.log(demoLoginsText());
      return 0;
    }
    case "create-user":
      return createUserCommand(rest);
    case "find": {
      const { runFindCommand } = await import("./core/finder/cli");
      const result = runFindCommand(rest);
      if (result.stdout)
        process.stdout.write(result.stdout.endsWith("\n") ? result.stdout : `${result.stdout}\n`);
      if (result.stderr)
        process.stderr.write(result.stderr.endsWith("\n") ? result.stderr : `${result.stderr}\n`);
      return result.exitCode;
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

const exitCode = await main(process.argv.slice(2));
if (exitCode >= 0) process.exit(exitCode);
