/**
 * The cookies of one browser-like session against one host, enough for an OIDC login: it keeps name=value
 * pairs from `set-cookie` and forgets those set to expire. Paths and domains are ignored, as every request goes
 * to the same provider.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the `set-cookie` headers of a response. */
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const expired = attributes.some((a) => {
        const [key = '', value = ''] = a.split('=');
        if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(value) <= Date.now();
        return false;
      });
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
  }

  /** The value of a `cookie` request header. */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
