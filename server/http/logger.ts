/** Structured logs: one JSON line per event (pino), at the configured LOG_LEVEL. */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Logs to standard output, or to `destination` (tests read the lines). */
export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  const options = { level, base: { app: 'fingraph' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/** For tests and tools that want no log output. */
export const silentLogger: Logger = pino({ level: 'silent' });
