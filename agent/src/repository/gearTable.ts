import { createHash } from 'node:crypto';

/**
 * The 256 random 32-bit values the gear hash adds per byte. Derived, not listed, so the format document can
 * state it in one line: entry i is the first four bytes (big-endian) of SHA-256("fleetback gear v1" || i).
 * Part of repository v1: another table would cut differently and deduplicate nothing with older data.
 * Signed, so the hash loop stays in 32-bit integers.
 */
export const gearTable: Int32Array = buildGearTable();

function buildGearTable(): Int32Array {
  const table = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    const digest = createHash('sha256').update('fleetback gear v1').update(Buffer.of(i)).digest();
    table[i] = digest.readInt32BE(0);
  }
  return table;
}
