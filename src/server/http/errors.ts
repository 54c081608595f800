/**
 * One error shape for the whole API: `{ code, message, field? }` with the right status.
 * Anything a client sends maps to a 4xx; only our own faults are 500, and those never echo input.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { plainMessage } from "../../core/api/plain-message";

export interface ApiError {
  code: string;
  message: string;
  field?: string;
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what = "Not found") => new AppError(404, "not_found", what);
export const forbidden = (message = "You do not have access to this.") =>
  new AppError(403, "forbidden", message);
export const unauthenticated = () => new AppError(401, "unauthenticated", "Please sign in.");
export const conflict = (code: string, message: string, field?: string) =>
  new AppError(409, code, message, field);
export const badRequest = (code: string, message: string, field?: string) =>
  new AppError(400, code, message, field);

/** Postgres error codes, found on the error or (under drizzle) on its `cause`. */
export function postgresErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function pathToField(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

/** Fastify's own client-error codes and the status each deserves. */
const FASTIFY_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "unsupported_media_type", "Send the body as application/json."],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, "invalid_body", "The Content-Length does not match the body."],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, "invalid_body", "The JSON body is empty."],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, "body_too_large", "The request body is too large."],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, "invalid_json", "The body is not valid JSON."],
  FST_ERR_CTP_INVALID_TYPE: [400, "invalid_body", "The body could not be read."],
  FST_ERR_BAD_URL: [400, "invalid_url", "The URL is not valid."],
  // Its own message would echo the path, which may hold a token.
  FST_ERR_MAX_PARAM_LENGTH: [414, "uri_too_long", "A part of the address is too long."],
  FST_ERR_ASYNC_CONSTRAINT: [400, "invalid_request", "The request is not valid."],
};

export function toApiError(error: FastifyError | Error): { status: number; body: ApiError } {
  if (error instanceof AppError) {
    const body: ApiError = { code: error.code, message: error.message };
    if (error.field) body.field = error.field;
    return { status: error.statusCode, body };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const location = error.validationContext === "body" ? [] : [error.validationContext ?? ""];
    // fastify-type-provider-zod keeps the issue's path only as a JSON-pointer-like `instancePath`.
    const issuePath = (first?.instancePath ?? "")
      .split("/")
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const field = pathToField([...location.filter(Boolean), ...issuePath]);
    // The same plain words the web form shows for this issue before it is ever sent.
    const message = first
      ? plainMessage({ ...first.params, code: first.keyword, message: first.message })
      : "The request is not valid.";
    return { status: 400, body: { code: "invalid_request", message, ...(field ? { field } : {}) } };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code && FASTIFY_CLIENT_ERRORS[fastifyError.code]) {
    const [status, code, message] = FASTIFY_CLIENT_ERRORS[fastifyError.code] as [number, string, string];
    return { status, body: { code, message } };
  }
  if (fastifyError.statusCode === 429) {
    return {
      status: 429,
      body: { code: "rate_limited", message: "Too many requests. Please wait and try again." },
    };
  }
  const pgCode = postgresErrorCode(error);
  if (pgCode === "23P01") {
    return { status: 409, body: { code: "slot_taken", message: "That time is no longer available." } };
  }
  if (pgCode === "40P01" || pgCode === "40001") {
    // Concurrent inserts checked by one exclusion constraint can deadlock on PostgreSQL; one is
    // rolled back. Nothing was written, and trying again gets a definite answer.
    return {
      status: 409,
      body: {
        code: "conflict_retry",
        message: "Someone else changed this at the same moment. Please try again.",
      },
    };
  }
  if (pgCode === "KW001") {
    // The sign-lock triggers (migration charting_sign_lock): a signed note and its points never change.
    return {
      status: 409,
      body: { code: "signed", message: "This note is signed and locked. Changes are made as amendments." },
    };
  }
  if (pgCode === "23505") {
    return { status: 409, body: { code: "already_exists", message: "That already exists." } };
  }
  if (pgCode === "22021" || pgCode === "22P05") {
    // A NUL character in a string: PostgreSQL cannot store it in text or jsonb.
    return {
      status: 400,
      body: {
        code: "invalid_request",
        message: "Text in the request contains a character that cannot be stored.",
      },
    };
  }
  // 22009: an instant whose year, after its offset, runs past 9999 (PGlite refuses it).
  if (pgCode === "22P02" || pgCode === "22007" || pgCode === "22008" || pgCode === "22009") {
    return {
      status: 400,
      body: { code: "invalid_request", message: "A value in the request is not valid." },
    };
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      body: { code: "bad_request", message: fastifyError.message || "The request is not valid." },
    };
  }
  return { status: 500, body: { code: "internal", message: "Something went wrong on our side." } };
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toApiError(error);
  if (status >= 500) {
    // Log the error's name, code and stack, never the request body or the message's data values.
    request.log.error(
      { err: { type: error.name, code: (error as FastifyError).code, stack: error.stack } },
      "request failed",
    );
  }
  return reply.status(status).send(body);
}

/** Answers for what Node's HTTP parser refuses before a request exists, keyed by its error code. */
const PARSER_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    "headers_too_large",
    "The request's address or headers are too long. Shorten the query and try again.",
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "request_timeout", "The request took too long to arrive."],
};

/** The bytes of a minimal HTTP/1.1 response carrying an API error (the socket has no Fastify reply). */
export function rawErrorResponse(status: number, body: ApiError): string {
  const json = JSON.stringify(body);
  const reason = STATUS_TEXT[status] ?? "Bad Request";
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  408: "Request Timeout",
  431: "Request Header Fields Too Large",
};

/**
 * Fastify's `clientErrorHandler`: Node could not parse the request (oversized request line or
 * headers, malformed HTTP). The answer has the API's `{ code, message }` shape, like every 4xx.
 */
export function clientErrorHandler(
  error: Error & { code?: string },
  socket: import("node:net").Socket,
): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, code, message] = PARSER_ERRORS[error.code ?? ""] ?? [
    400,
    "bad_request",
    "The request could not be read as HTTP.",
  ];
  if (socket.writable) socket.write(rawErrorResponse(status, { code, message }));
  socket.destroy(error);
}
