import { request } from 'node:https';

export interface HttpsGetOptions {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  /** False for servers with a self-signed certificate we do not know, such as kwok's. */
  verify?: boolean;
  timeoutMs?: number;
}

/** One HTTPS GET without connection reuse, for readiness probes; resolves with the status and body. */
export function httpsGet(
  url: string,
  options: HttpsGetOptions = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        ca: options.ca,
        cert: options.cert,
        key: options.key,
        rejectUnauthorized: options.verify ?? true,
        agent: false,
        timeout: options.timeoutMs ?? 2_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}
