/**
 * The errors the API answers with. Each carries its HTTP status; the problem middleware turns them
 * into RFC 9457 problem+json. Messages say what was wrong and how to fix it.
 */
import type { Problem } from './contract';
export type ProblemExtensions = Pick<Problem, 'rule' | 'conflicts' | 'goesWith' | 'citedBy'>;

export class ApiError extends Error {
  /** Fields the problem+json carries beside `detail` (a refused change's rule, conflicts...). */
  extensions: ProblemExtensions = {};

  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    /** A Neo4j status code, when the database reported the problem. */
    readonly code?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The problem type URI fragment, e.g. "bad-request". */
  get type(): string {
    return this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  }
}

export class BadRequestError extends ApiError {
  constructor(message: string) {
    super(400, 'Bad Request', message);
  }
}

export class NotFoundError extends ApiError {
  constructor(message: string) {
    super(404, 'Not Found', message);
  }
}

export class DatabaseUnavailableError extends ApiError {
  constructor(message: string, code?: string, cause?: unknown) {
    super(503, 'Database Unavailable', message, code);
    // The driver's error, for the log and the command line (never sent to clients).
    if (cause !== undefined) this.cause = cause;
  }
}

/** Too many queries in flight: this one was not run (503 with Retry-After; nothing is wrong with Neo4j). */
export class DatabaseBusyError extends ApiError {
  constructor(message: string) {
    super(503, 'Database Busy', message, 'Busy');
  }
}

export class QueryTimeoutError extends ApiError {
  constructor(message: string, code?: string) {
    super(504, 'Query Timeout', message, code);
  }
}

export class DatabaseError extends ApiError {
  constructor(message: string, code?: string) {
    super(500, 'Database Error', message, code);
  }
}

/** A query Neo4j could not run as written (syntax, types, a missing parameter), with where in it. */
export class QueryError extends ApiError {
  constructor(
    message: string,
    code?: string,
    readonly position: { line: number; column: number; offset: number } | null = null,
  ) {
    super(400, 'Invalid Query', message, code);
  }
}

/** A console query refused before it ran: it writes, calls what it may not, or is more than one statement. */
export class ForbiddenQueryError extends ApiError {
  constructor(message: string) {
    super(403, 'Query Not Allowed', message);
  }
}

/** The client closed the request before the answer (nothing is sent; the work it asked for is stopped). */
export class RequestCancelledError extends ApiError {
  constructor(message: string) {
    super(499, 'Client Closed Request', message);
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor(message: string) {
    super(415, 'Unsupported Media Type', message);
  }
}

export class TooManyRequestsError extends ApiError {
  constructor(message: string) {
    super(429, 'Too Many Requests', message);
  }
}

/** The request names a host this server does not answer for (DNS rebinding): set ALLOWED_HOSTS. */
export class MisdirectedRequestError extends ApiError {
  constructor(message: string) {
    super(421, 'Misdirected Request', message);
  }
}

/** A state-changing request from another site's page (its Origin is not this server's). */
export class ForbiddenOriginError extends ApiError {
  constructor(message: string) {
    super(403, 'Forbidden Origin', message);
  }
}

/**
 * A change that breaks a rule (the model, evidence, names, confirmation): nothing was written.
 * `rule` names the rule; the message says how to fix the change.
 */
export class ChangeRefusedError extends ApiError {
  constructor(rule: string, message: string, extensions: Omit<ProblemExtensions, 'rule'> = {}) {
    super(400, 'Change Refused', message);
    this.extensions = { rule, ...extensions };
  }
}

/** A change made on a state that has moved since it was read (another edit came first): nothing was written. */
export class ChangeConflictError extends ApiError {
  constructor(message: string, conflicts: NonNullable<Problem['conflicts']>) {
    super(409, 'Conflict', message);
    this.extensions = { rule: 'concurrency.changed-meanwhile', conflicts };
  }
}

/** A write this server does not accept (not in local use, until sign-in exists). */
export class WriteForbiddenError extends ApiError {
  constructor(message: string) {
    super(403, 'Editing Not Enabled', message);
  }
}

/** A request body or text beyond what the server takes. */
export class PayloadTooLargeError extends ApiError {
  constructor(message: string) {
    super(413, 'Payload Too Large', message);
  }
}
