/**
 * `knotwork setup` (the first clinic), `knotwork create-clinic` (another one) and the password
 * input `create-user` shares with them. Flags for scripts; prompts (node:readline) for whatever is
 * missing when a person runs it at a terminal. Passwords are read, never printed.
 */
import { createInterface, type Interface } from "node:readline/promises";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { NewClinicSchema, slugFromName } from "../../core/api/setup";
import type { Config } from "../config";
import type { Database } from "../db/connect";
import { AppError } from "../http/errors";
import { clinicCensus, createClinic, refuseIfAnyClinic } from "./create-clinic";
import { clearSetupTokens } from "./tokens";

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export const defaultIo = (): CliIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

export const SETUP_USAGE = `Usage: knotwork setup|create-clinic [options]

  setup creates the first clinic of an installation (refused once one exists);
  create-clinic adds another clinic to a multi-clinic installation.
  At a terminal, anything not given as a flag is asked for.

  --clinic-name NAME        the clinic's name
  --slug SLUG               its web address: clients book at /c/SLUG/book (default: from the name)
  --time-zone ZONE          IANA time zone, e.g. Europe/Berlin (default: this computer's)
  --address TEXT            optional
  --phone TEXT              optional
  --owner-name NAME         the owner's name
  --owner-email E           the owner's e-mail (an existing account is reused, its password unchanged)
  --owner-password P        visible to other users of this computer: prefer one of
                              KNOTWORK_OWNER_PASSWORD=P (environment) or
  --password-stdin            the first line of standard input
  --owner-is-therapist yes|no  the owner also treats clients (a therapist with Mon-Fri 9-5 hours); default yes`;

const FLAG_OF: Record<string, string> = {
  clinicName: "--clinic-name",
  slug: "--slug",
  timeZone: "--time-zone",
  address: "--address",
  phone: "--phone",
  ownerName: "--owner-name",
  ownerEmail: "--owner-email",
  ownerPassword: "--owner-password",
  ownerIsTherapist: "--owner-is-therapist",
};

class Prompter {
  private muted = false;
  private readonly rl: Interface;
  constructor(private readonly io: CliIo) {
    this.rl = createInterface({ input: io.stdin, output: io.stdout, terminal: true });
    // Echo nothing while a password is typed (readline has no hidden mode of its own).
    const rl = this.rl as unknown as { _writeToOutput(text: string): void };
    rl._writeToOutput = (text: string) => {
      if (!this.muted) io.stdout.write(text);
    };
  }
  async ask(question: string, fallback?: string): Promise<string> {
    const answer = (
      await this.rl.question(fallback ? `${question} [${fallback}]: ` : `${question}: `)
    ).trim();
    return answer || fallback || "";
  }
  async secret(question: string): Promise<string> {
    this.io.stdout.write(`${question}: `);
    this.muted = true;
    try {
      return await this.rl.question("");
    } finally {
      this.muted = false;
      this.io.stdout.write("\n");
    }
  }
  close() {
    this.rl.close();
  }
}

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) {
    text += chunk.toString();
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

/** The password from the flag, the environment variable or standard input; null when none was given. */
export async function passwordFromInputs(
  flag: string | undefined,
  envName: string,
  fromStdin: boolean | undefined,
  io: CliIo,
): Promise<string | null> {
  if (flag !== undefined) return flag;
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  if (fromStdin) return readFirstLine(io.stdin);
  return null;
}

/** Asks for a new password at a terminal (hidden, twice); for `create-user`. */
export async function askNewPassword(io: CliIo, label: string): Promise<string> {
  const prompter = new Prompter(io);
  try {
    return await promptNewPassword(prompter, io, label);
  } finally {
    prompter.close();
  }
}

/** Asks for a new password twice, hidden, until both match and it is long enough. */
async function promptNewPassword(prompter: Prompter, io: CliIo, label: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = await prompter.secret(`${label} (at least 10 characters)`);
    if (first.length < 10) {
      io.stderr.write("Use at least 10 characters.\n");
      continue;
    }
    if ((await prompter.secret("Again, to confirm")) === first) return first;
    io.stderr.write("The two entries differ.\n");
  }
  throw new AppError(400, "no_password", "No password was set.");
}

type NewClinicInput = Partial<z.input<typeof NewClinicSchema>>;

function parseSetupArgs(args: string[]) {
  return parseArgs({
    args,
    options: {
      "clinic-name": { type: "string" },
      slug: { type: "string" },
      "time-zone": { type: "string" },
      address: { type: "string" },
      phone: { type: "string" },
      "owner-name": { type: "string" },
      "owner-email": { type: "string" },
      "owner-password": { type: "string" },
      "password-stdin": { type: "boolean" },
      "owner-is-therapist": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
}

function yesNo(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(y|yes|true)$/i.test(value)) return true;
  if (/^(n|no|false)$/i.test(value)) return false;
  throw new AppError(400, "invalid_flag", "--owner-is-therapist must be yes or no.");
}

/** Fills what the flags left out by asking, one question at a time, re-asking an answer that does not pass. */
async function askForMissing(input: NewClinicInput, io: CliIo): Promise<NewClinicInput> {
  const prompter = new Prompter(io);
  const shape = NewClinicSchema.shape;
  const askValid = async (
    key: "clinicName" | "slug" | "timeZone" | "address" | "phone" | "ownerName" | "ownerEmail",
    question: string,
    fallback?: string,
  ) => {
    if (input[key] !== undefined) return;
    for (;;) {
      const answer = await prompter.ask(question, fallback);
      const parsed = shape[key].safeParse(answer);
      if (parsed.success) {
        input[key] = answer;
        return;
      }
      io.stderr.write(`${parsed.error.issues[0]?.message ?? "Not valid."}\n`);
    }
  };
  try {
    await askValid("clinicName", "Clinic name");
    await askValid(
      "slug",
      "Web address (clients book at /c/ADDRESS/book)",
      slugFromName(input.clinicName ?? ""),
    );
    await askValid("timeZone", "Time zone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    await askValid("address", "Street address (optional)");
    await askValid("phone", "Phone (optional)");
    await askValid("ownerName", "Owner's name");
    await askValid("ownerEmail", "Owner's e-mail");
    if (input.ownerIsTherapist === undefined)
      input.ownerIsTherapist = yesNo(await prompter.ask("Does the owner treat clients too? (yes/no)", "yes"));
    input.ownerPassword ??= await promptNewPassword(prompter, io, "Owner's password");
  } finally {
    prompter.close();
  }
  return input;
}

const MISSING_HINT =
  "Give it as a flag (see `knotwork setup --help`), or run the command at a terminal to be asked.";

/**
 * Runs `setup` or `create-clinic`. `open` gives the migrated database (a parameter so the command
 * stays testable); exit codes: 0 created, 1 refused (already set up, address taken), 2 bad input.
 */
export async function runClinicCommand(
  command: "setup" | "create-clinic",
  args: string[],
  config: Config,
  open: () => Promise<Database>,
  io: CliIo = defaultIo(),
): Promise<number> {
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const fail = (text: string, code: number) => {
    io.stderr.write(`${text}\n`);
    return code;
  };
  let values: ReturnType<typeof parseSetupArgs>;
  try {
    values = parseSetupArgs(args);
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${SETUP_USAGE}`, 2);
  }
  if (values.help) {
    say(SETUP_USAGE);
    return 0;
  }
  const interactive = Boolean(io.stdin.isTTY) && !values["password-stdin"];
  // A script's input is checked before the database is opened; a person at a terminal first learns
  // whether `setup` can run at all, before answering any question.
  let database: Database | null = null;
  try {
    const refuseSecondSetup = async (db: Database) =>
      command === "setup" && (await clinicCensus(db.db)).total > 0
        ? fail(
            "This installation already has a clinic; `knotwork setup` is for the first one. Add another with `knotwork create-clinic`.",
            1,
          )
        : null;
    if (interactive) {
      database = await open();
      const refused = await refuseSecondSetup(database);
      if (refused !== null) return refused;
    }
    let input: NewClinicInput = {
      clinicName: values["clinic-name"],
      slug: values.slug ?? (values["clinic-name"] ? slugFromName(values["clinic-name"]) : undefined),
      timeZone: values["time-zone"],
      address: values.address,
      phone: values.phone,
      ownerName: values["owner-name"],
      ownerEmail: values["owner-email"],
      ownerIsTherapist: yesNo(values["owner-is-therapist"]),
    };
    const password = await passwordFromInputs(
      values["owner-password"],
      "KNOTWORK_OWNER_PASSWORD",
      values["password-stdin"],
      io,
    );
    if (password !== null) input.ownerPassword = password;
    if (interactive) input = await askForMissing(input, io);
    const parsed = NewClinicSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = String(issue?.path[0] ?? "");
      const flag = FLAG_OF[key] ?? key;
      const missing = (input as Record<string, unknown>)[key] === undefined;
      return fail(
        missing ? `${flag} is missing. ${MISSING_HINT}` : `${flag}: ${issue?.message ?? "not valid."}`,
        2,
      );
    }
    if (!database) {
      database = await open();
      const refused = await refuseSecondSetup(database);
      if (refused !== null) return refused;
    }
    const created = await createClinic(database.db, parsed.data, async (tx) => {
      if (command === "setup") await refuseIfAnyClinic(tx);
      await clearSetupTokens(tx);
    });
    const clinic = parsed.data;
    say(`Created ${clinic.clinicName} (${created.slug}), time zone ${clinic.timeZone}.`);
    say(
      created.ownerAccountExisted
        ? `Owner: ${clinic.ownerEmail} (an existing account: its password is unchanged).`
        : `Owner: ${clinic.ownerEmail}, with the password you chose.`,
    );
    say(`Sign in at ${config.publicUrl}/sign-in`);
    say(`Clients sign up and book at ${config.publicUrl}/c/${created.slug}/book`);
    say(
      created.therapistId
        ? "The owner is also a therapist, working Monday to Friday 09:00-17:00. Set prices, hours and rooms in Settings; invite staff under Team."
        : "Invite therapists under Team and give them hours; set prices and rooms in Settings.",
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) return fail(error.message, error.statusCode === 409 ? 1 : 2);
    throw error;
  } finally {
    await database?.close();
  }
}
