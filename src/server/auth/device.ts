/**
 * Remembered devices (OWASP "device cookies"): after a successful sign-in the browser gets a cookie
 * signed with the server secret, naming the user and a random device id. A sign-in that presents a
 * valid one for the same account is throttled per device instead of per e-mail, so an attacker who
 * uses up the e-mail's attempts does not lock the owner out of the devices they already use.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply } from "fastify";
import type { Config } from "../config";

export const DEVICE_COOKIE = "kw_device";
const DEVICE_COOKIE_DAYS = 365;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Device {
  userId: string;
  deviceId: string;
}

function mac(secret: string, userId: string, deviceId: string): Buffer {
  return createHmac("sha256", secret).update(`kw-device-v1:${userId}:${deviceId}`).digest();
}

export function signDevice(secret: string, device: Device): string {
  return `${device.userId}.${device.deviceId}.${mac(secret, device.userId, device.deviceId).toString("base64url")}`;
}

/** The device a cookie names, or null when it is missing, malformed or not signed by this secret. */
export function readDevice(secret: string, cookie: string | undefined): Device | null {
  if (!cookie || cookie.length > 200) return null;
  const [userId, deviceId, signature, ...rest] = cookie.split(".");
  if (rest.length > 0 || !userId || !deviceId || !signature) return null;
  if (!UUID.test(userId) || !/^[A-Za-z0-9_-]{16,64}$/.test(deviceId)) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(secret, userId, deviceId);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, deviceId };
}

/** Sets (or renews) the device cookie; it is sent only to the sign-in routes. */
export function rememberDevice(
  reply: FastifyReply,
  config: Config,
  userId: string,
  known: Device | null,
): void {
  const device =
    known && known.userId === userId ? known : { userId, deviceId: randomBytes(18).toString("base64url") };
  reply.setCookie(DEVICE_COOKIE, signDevice(config.secret, device), {
    path: "/api/auth",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
  });
}
