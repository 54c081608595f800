/** The `knotwork` command: start, migrate, setup, create-clinic, seed, create-user, find, export, backup, restore. */
import { parseArgs } from "node:util";
import { loadConfig } from "./server/config";

const USAGE = `Usage: knotwork <command> [options]

Commands:
  start                     Serve the app (migrates; on the embedded database with no configuration,
                            seeds and prints the demo clinic, else offers set-up while no clinic exists)
  migrate                   Apply database migrations
  setup                     Create the first clinic and its owner (knotwork setup --help)
  create-clinic             Add another clinic (same options as setup)
  seed                      Create the demo clinic if it is missing (not beside a real clinic)
  create-user               Create a staff account:
                              --email E --name "N" --role owner|therapist|front_desk [--clinic SLUG]
                              [--password P | --password-stdin]  (or KNOTWORK_USER_PASSWORD, or asked)
                              --clinic may be left out when the installation has exactly one clinic
  find REGION... [--json]   Muscles commonly associated with pain in these regions
  export                    Print one client's record to stdout (audited):
                              --clinic SLUG --client EMAIL [--format fhir|json]  (fhir: a FHIR R4 Bundle)
  backup FILE               Write a consistent backup of the whole database to FILE, also while the
                            server runs (embedded: a .tar.gz; PostgreSQL: pg_dump's custom format)
  restore FILE              Load a backup into an EMPTY database (embedded: an empty data folder;
                            PostgreSQL: an empty database at DATABASE_URL, through pg_restore)

Configuration comes from environment variables; see README.md.`;

async function createUserCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      clinic: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
  });
  const { createStaffUser } = await import("./server/staff/create-user");
  const { openMigratedDatabase } = await import("./server/main");
  const { askNewPassword, defaultIo, passwordFromInputs } = await import("./server/setup/cli");
  const io = defaultIo();
  // A password is chosen by whoever runs this, never generated and printed.
  let password = await passwordFromInputs(
    values.password,
    "KNOTWORK_USER_PASSWORD",
    values["password-stdin"],
    io,
  );
  if (password === null && io.stdin.isTTY) {
    try {
      password = await askNewPassword(io, `Password for ${values.email}`);
    } catch (error) {
      console.error((error as Error).message);
      return 2;
    }
  }
  if (password === null) {
    console.error(
      "Give a password: --password-stdin, KNOTWORK_USER_PASSWORD, --password, or run at a terminal.",
    );
    return 2;
  }
  const database = await openMigratedDatabase(loadConfig());
  try {
    const result = await createStaffUser(database.db, {
      email: values.email ?? "",
      name: values.name ?? "",
      role: values.role ?? "",
      clinicSlug: values.clinic ?? null,
      password,
    });
    if (!result.ok) {
      console.error(result.message);
      return 2;
    }
    console.log(`Created ${values.role} ${values.email} at ${result.clinicSlug}.`);
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
    case "setup":
    case "create-clinic": {
      const { openMigratedDatabase } = await import("./server/main");
      const { runClinicCommand } = await import("./server/setup/cli");
      const config = loadConfig();
      return runClinicCommand(command, rest, config, () => openMigratedDatabase(config));
    }
    case "seed": {
      const { openMigratedDatabase } = await import("./server/main");
      const { demoLoginsText, seedDemoClinic } = await import("./server/seed/demo");
      const { clinicCensus } = await import("./server/setup/create-clinic");
      const database = await openMigratedDatabase(loadConfig());
      try {
        // Published passwords never go beside real data.
        if ((await clinicCensus(database.db)).real > 0) {
          console.error(
            "This database holds a real clinic; the demo (with its published password) is not added to it.",
          );
          return 1;
        }
        const { created } = await seedDemoClinic(database.db, undefined, { history: true });
        console.log(created ? "Demo clinic created." : "Demo clinic already present.");
        console.log(demoLoginsText());
        return 0;
      } finally {
        await database.close();
      }
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
    case "export": {
      const { runExportCommand } = await import("./server/export/cli");
      return runExportCommand(rest, loadConfig());
    }
    case "backup":
    case "restore": {
      const { runBackupCommand } = await import("./server/backup/cli");
      return runBackupCommand(command, rest, loadConfig());
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

void main(process.argv.slice(2)).then((exitCode) => {
  if (exitCode >= 0) process.exit(exitCode);
});
