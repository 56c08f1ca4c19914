const slash = 0x2f;

/**
 * Orders manifest paths as a depth-first walk visits them when every directory's names are sorted bytewise:
 * component by component, so `a/b` comes before `a-c` and before `ab`. Equivalent to a byte comparison in which
 * `/` sorts below every other byte. Returns a negative number, zero or a positive number.
 */
export function comparePaths(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x === y) continue;
    if (x === slash) return -1;
    if (y === slash) return 1;
    return x - y;
  }
  return a.length - b.length;
}
