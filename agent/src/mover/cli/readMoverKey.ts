import { readFileSync } from 'node:fs';
import { MoverUsageError } from './MoverUsageError.ts';

/**
 * The key-encryption key: `FLEETBACK_MOVER_KEY` or the key file, base64 of 32 bytes (surrounding whitespace
 * ignored). Both given is refused, so a stale variable cannot silently win over the file.
 */
export function readMoverKey(env: NodeJS.ProcessEnv, keyFile: string | undefined): Buffer {
  const fromEnv = env.FLEETBACK_MOVER_KEY?.trim();
  if (fromEnv && keyFile) throw new MoverUsageError('give the key in FLEETBACK_MOVER_KEY or --key-file, not both');
  let text: string;
  let source: string;
  if (fromEnv) {
    text = fromEnv;
    source = 'FLEETBACK_MOVER_KEY';
  } else if (keyFile) {
    try {
      text = readFileSync(keyFile, 'utf8').trim();
    } catch (error) {
      throw new MoverUsageError(`cannot read the key file ${keyFile}: ${(error as Error).message}`, { cause: error });
    }
    source = keyFile;
  } else {
    throw new MoverUsageError('no key: set FLEETBACK_MOVER_KEY or give --key-file (base64 of 32 bytes)');
  }
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length !== 32) {
    throw new MoverUsageError(`${source} must hold base64 of exactly 32 bytes`);
  }
  return key;
}
