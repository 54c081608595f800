/**
 * Seals small secrets (TOTP shared secrets) for storage: AES-256-GCM under a key derived with HKDF
 * from the server's audit key (src/server/audit/key.ts), which lives in configuration or the data
 * folder and never in the database. A copy of the database alone therefore cannot mint codes.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

export class SecretBox {
  private readonly key: Buffer;

  constructor(rootKey: Buffer, purpose: string) {
    this.key = Buffer.from(hkdfSync("sha256", rootKey, Buffer.alloc(0), `knotwork:${purpose}`, 32));
  }

  /**
   * A keyed digest (HMAC-SHA256) for values that are only ever compared, like recovery codes: a
   * leaked table alone cannot be searched for the codes offline.
   */
  digest(value: string): string {
    return createHmac("sha256", this.key).update(value).digest("hex");
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
      .join(".");
  }

  /** The plain text, or null when the value was sealed under another key or altered. */
  open(sealed: string): string | null {
    const [version, iv, tag, data] = sealed.split(".");
    if (version !== VERSION || !iv || !tag || data === undefined) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    } catch {
      return null;
    }
  }
}
