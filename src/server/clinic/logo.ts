/**
 * The clinic's logo (docs/decisions/0025-clinic-profile.md): a small raster image kept in the
 * database, checked by its bytes rather than by what the browser said it was, and served with the
 * type those bytes prove.
 */
import { eq } from "drizzle-orm";
import { LOGO_MAX_BYTES, type LOGO_TYPES } from "../../core/api/clinic";
import type { Db } from "../db/connect";
import { clinicLogos } from "../db/schema";
import { badRequest } from "../http/errors";

type LogoType = (typeof LOGO_TYPES)[number];

/** The image type the first bytes prove, or null: PNG, JPEG and WebP signatures. */
export function sniffImageType(bytes: Uint8Array): LogoType | null {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  // "RIFF" <size> "WEBP"
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

/** Decodes an upload's data URL and checks size and type; throws a 400 naming the field. */
export function decodeLogo(dataUrl: string): { contentType: LogoType; bytes: Buffer } {
  const comma = dataUrl.indexOf(",");
  const declared = dataUrl.slice("data:".length, dataUrl.indexOf(";"));
  const bytes = Buffer.from(dataUrl.slice(comma + 1), "base64");
  if (bytes.length === 0) throw badRequest("invalid_logo", "The image is empty.", "dataUrl");
  if (bytes.length > LOGO_MAX_BYTES)
    throw badRequest("logo_too_large", "Use an image under 200 KB.", "dataUrl");
  const proven = sniffImageType(bytes);
  if (!proven || proven !== declared)
    throw badRequest("invalid_logo", "That file is not a PNG, JPEG or WebP image.", "dataUrl");
  return { contentType: proven, bytes };
}

/** The logo's public address, versioned by its last change so browsers may cache it for long. */
export function logoUrlOf(slug: string, updatedAt: Date | null | undefined): string | null {
  if (!updatedAt) return null;
  return `/api/public/clinics/${encodeURIComponent(slug)}/logo?v=${updatedAt.getTime().toString(36)}`;
}

export async function logoUpdatedAt(db: Db, clinicId: string): Promise<Date | null> {
  const [row] = await db
    .select({ updatedAt: clinicLogos.updatedAt })
    .from(clinicLogos)
    .where(eq(clinicLogos.clinicId, clinicId));
  return row?.updatedAt ?? null;
}
