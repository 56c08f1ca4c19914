/**
 * The proxy to reach `target` through, from the usual variables: HTTPS_PROXY for https/wss, HTTP_PROXY for
 * http/ws (either case), unless NO_PROXY lists the host (exact, a `.suffix` or bare `suffix`, or `*`).
 */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv): string | undefined {
  const secure = target.protocol === 'https:' || target.protocol === 'wss:';
  const proxy = secure
    ? (env.HTTPS_PROXY ?? env.https_proxy)
    : (env.HTTP_PROXY ?? env.http_proxy);
  if (!proxy) return undefined;
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase().replace(/:\d+$/, ''))
    .filter(Boolean);
  const bypass = noProxy.some(
    (entry) => entry === '*' || host === entry.replace(/^\./, '') || host.endsWith(entry.startsWith('.') ? entry : `.${entry}`),
  );
  return bypass ? undefined : proxy;
}
