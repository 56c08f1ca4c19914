/** The length of a location's key-encryption key, in bytes (AES-256). */
export const repositoryKeyBytes = 32;

/**
 * Checks a repository key as it travels (a `SpecReader` check): standard base64 of exactly
 * `repositoryKeyBytes` bytes. The problem it returns never quotes the value, which is a secret.
 */
export function checkRepositoryKeyText(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return 'must be base64';
  // atob rather than Buffer: schema/ also runs in the browser.
  const bytes = atob(value).length;
  return bytes === repositoryKeyBytes ? undefined : `must hold ${repositoryKeyBytes} bytes, not ${bytes}`;
}
