/** Parsers that both the hub's and the agent's settings use; each throws a message completing "<setting>: …". */

export function nonEmpty(raw: string): string {
  if (!raw.trim()) throw new Error('must not be empty');
  return raw.trim();
}

export function wholeNumber(min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`'${raw}' is not a whole number from ${min} to ${max}`);
    return n;
  };
}

export function seconds(min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`'${raw}' is not a whole number of seconds from ${min} to ${max}`);
    return n;
  };
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export function logLevel(raw: string): LogLevel {
  if (raw === 'debug' || raw === 'info' || raw === 'warn' || raw === 'error') return raw;
  throw new Error(`'${raw}' is not one of debug, info, warn, error`);
}
