/**
 * The running server's local control socket (embedded database only): `knotwork backup` asks the
 * process that holds the PGlite data folder for a dump instead of reading files under it. The
 * socket is made with mode 0600 (only the server's own OS user, who can read the folder anyway,
 * may connect). It is not inside the data folder: PGlite's dump copies every file there.
 */
import { createHash } from "node:crypto";
import { chmodSync, existsSync, unlinkSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** One socket per data folder, named by a hash of its absolute path (socket paths are short). */
export function controlSocketPath(dataDir: string): string {
  const id = createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 20);
  return join(tmpdir(), `knotwork-${id}.sock`);
}

export interface ControlHandlers {
  /** A consistent dump of the data folder, as a .tar.gz. */
  dump(): Promise<Buffer>;
}

/**
 * Listens for one-line commands; `backup` answers with a 1-byte status ("+" ok, "-" error), then the
 * dump or a message. A stale socket left by a crashed server is replaced.
 */
export async function startControlSocket(dataDir: string, handlers: ControlHandlers): Promise<Server> {
  const path = controlSocketPath(dataDir);
  if (existsSync(path) && !(await answers(path))) unlinkSync(path);
  const server = createServer((socket) => {
    let line = "";
    socket.on("data", (chunk) => {
      line += chunk.toString("utf8");
      if (!line.includes("\n")) return;
      const command = line.trim();
      if (command === "ping") {
        socket.end("+");
      } else if (command === "backup") {
        handlers.dump().then(
          (bytes) => socket.end(Buffer.concat([Buffer.from("+"), bytes])),
          (error: unknown) =>
            socket.end(`-${error instanceof Error ? error.message : JSON.stringify(error)}`),
        );
      } else socket.end(`-unknown command`);
    });
    socket.on("error", () => {});
  });
  // The umask makes the socket 0600 from its first instant, not after a chmod.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((done, reject) => {
      server.once("error", reject);
      server.listen(path, () => done());
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(path, 0o600);
  return server;
}

function send(path: string, command: string): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = createConnection(path);
    socket.on("connect", () => socket.write(`${command}\n`));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks)));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // Nobody listening (no server, or one that crashed): the caller may open the folder itself.
      if (error.code === "ENOENT" || error.code === "ECONNREFUSED") resolve(null);
      else reject(error);
    });
  });
}

async function answers(path: string): Promise<boolean> {
  return (await send(path, "ping"))?.toString() === "+";
}

/** Whether a server holds this data folder right now. */
export function serverHoldsDataDir(dataDir: string): Promise<boolean> {
  return answers(controlSocketPath(dataDir));
}

/** A dump from the server holding this folder; null when no server answers. */
export async function requestDump(dataDir: string): Promise<Buffer | null> {
  const reply = await send(controlSocketPath(dataDir), "backup");
  if (reply === null || reply.length === 0) return null;
  if (reply[0] !== 0x2b)
    throw new Error(`The running server could not make the backup: ${reply.subarray(1).toString()}`);
  return reply.subarray(1);
}
