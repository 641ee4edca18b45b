import { LOG_LEVEL_ENV, type LogLevel } from '../contracts/environment.ts';
import { sourceMappedStack } from './source-mapped-stack.ts';

/**
 * Structured logging as JSON lines on stdout, which Lambda ships to CloudWatch Logs as they are.
 * Written here rather than taken from Powertools because Powertools' logger alone added about
 * 18 ms to every function's cold start (measured with `npm run bench`'s load probe).
 */

const severity: Record<LogLevel | 'SILENT', number> = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, SILENT: 100 };

const isLevel = (raw: string | undefined): raw is keyof typeof severity => raw !== undefined && raw in severity;

/** Errors become plain data: JSON.stringify would drop their message and stack. */
const serializable = (value: unknown): unknown =>
  value instanceof Error
    ? {
        name: value.name,
        message: value.message,
        stack: value.stack === undefined ? undefined : sourceMappedStack(value.stack),
        ...(value.cause === undefined ? {} : { cause: serializable(value.cause) }),
      }
    : value;

export class JsonLogger {
  readonly #service: string;
  readonly #threshold: number;
  #requestKeys: Record<string, unknown> = {};

  constructor(service: string, level: string | undefined) {
    this.#service = service;
    this.#threshold = severity[isLevel(level?.toUpperCase()) ? (level.toUpperCase() as keyof typeof severity) : 'INFO'];
  }

  /** Keys added to every line until the next request replaces them (request id, function). */
  setRequestKeys(keys: Record<string, unknown>): void {
    this.#requestKeys = keys;
  }

  debug(message: string, attributes?: Record<string, unknown>): void {
    this.#write('DEBUG', message, attributes);
  }

  info(message: string, attributes?: Record<string, unknown>): void {
    this.#write('INFO', message, attributes);
  }

  warn(message: string, attributes?: Record<string, unknown>): void {
    this.#write('WARN', message, attributes);
  }

  error(message: string, attributes?: Record<string, unknown>): void {
    this.#write('ERROR', message, attributes);
  }

  /**
   * An embedded metric format document as a line of its own, with the request's keys beside it
   * (CloudWatch ignores members it does not name). Metrics are written at any level but SILENT:
   * a WARN threshold must not stop the counting.
   */
  metric(document: Readonly<Record<string, unknown>>): void {
    if (this.#threshold >= severity.SILENT) return;
    process.stdout.write(`${JSON.stringify({ ...this.#requestKeys, ...document })}\n`);
  }

  #write(level: LogLevel, message: string, attributes: Record<string, unknown> = {}): void {
    if (severity[level] < this.#threshold) return;
    const fields = Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, serializable(value)]));
    const line = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.#service,
      ...this.#requestKeys,
      ...fields,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

/** One logger per process. LOG_LEVEL: DEBUG, INFO (default), WARN, ERROR or SILENT. */
export const logger = new JsonLogger('sanctions-watch', process.env[LOG_LEVEL_ENV]);
