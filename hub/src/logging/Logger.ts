import { pino } from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout, the format log collectors expect; `redact` keeps secrets out even by mistake. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'fleetback-hub' },
    redact: {
      paths: ['*.authorization', '*.token', '*.secret*', '*.password', '*.masterKey'],
      censor: '[redacted]',
    },
  });
}
