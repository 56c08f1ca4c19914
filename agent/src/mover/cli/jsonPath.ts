/** A path for a JSON line: UTF-8 text, plus the exact bytes in base64 when they are not valid UTF-8. */
export function jsonPath(path: Buffer): { path: string; pathBase64?: string } {
  const text = path.toString('utf8');
  return Buffer.from(text, 'utf8').equals(path) ? { path: text } : { path: text, pathBase64: path.toString('base64') };
}
