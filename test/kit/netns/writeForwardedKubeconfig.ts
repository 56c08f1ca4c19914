import { writeFileSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';

export interface ForwardedKubeconfigOptions {
  /** The kubeconfig to copy: its current context's cluster is redirected; credentials are kept as they are. */
  source: string;
  /** Where to write the copy (mode 0600: it holds a client key). */
  destination: string;
  /** The URL the copy points at, e.g. a forwarder: https://10.213.0.1:PORT. */
  server: string;
  /**
   * The name to send in SNI and verify the serving certificate against, since the forwarder's address is not
   * among the certificate's SANs (a world cluster's are IP:127.0.0.1 and DNS:localhost).
   */
  tlsServerName: string;
}

/** Writes a copy of a kubeconfig that reaches the same cluster through another address, still verifying TLS. */
export function writeForwardedKubeconfig(options: ForwardedKubeconfigOptions): void {
  const source = new KubeConfig();
  source.loadFromFile(options.source);
  const current = source.getCurrentCluster();
  if (!current) throw new Error(`${options.source}: the current context names no cluster`);
  const copy = new KubeConfig();
  copy.loadFromOptions({
    clusters: source.clusters.map((cluster) =>
      cluster.name === current.name ? { ...cluster, server: options.server, tlsServerName: options.tlsServerName } : cluster,
    ),
    users: source.users,
    contexts: source.contexts,
    currentContext: source.getCurrentContext(),
  });
  writeFileSync(options.destination, copy.exportConfig(), { mode: 0o600 });
}
