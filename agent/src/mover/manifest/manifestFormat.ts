/** The first bytes of a snapshot manifest, before its zstd frame: magic and format version. Part of repository v1. */
export const manifestMagic = Buffer.from('FBSM', 'latin1');
export const manifestVersion = 1;

/** The record type bytes; a byte once given is never reused. */
export const recordTypes = { end: 0, directory: 1, file: 2, symlink: 3, hardlink: 4 } as const;

/** Chunk ids are HMAC-SHA-256 values. */
export const chunkIdLength = 32;
