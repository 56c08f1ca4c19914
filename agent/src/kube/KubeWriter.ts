import { HttpMethod, type KubeConfig } from '@kubernetes/client-node';
import { KubeConnections } from './KubeConnections.ts';
import { type KubeJson, KubeJsonClient } from './KubeJsonClient.ts';

/** The writes a restore sends; failures reject with client-node's `ApiException` (`code` is the HTTP status). */
export interface KubeWrite extends KubeJson {
  /** POSTs, PUTs or DELETEs `body` as JSON to an API path and resolves to the parsed JSON answer. */
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

/**
 * `KubeJsonClient` that also writes, over the same transport and with the same plain-JSON handling: objects
 * go to the server exactly as archived, since client-node's typed serializers would drop fields they do not
 * know (newer API fields, a custom resource's whole schema).
 */
export class KubeWriter extends KubeJsonClient implements KubeWrite {
  static override of(kubeConfig: KubeConfig): KubeWriter {
    return new KubeWriter(KubeConnections.of(kubeConfig));
  }

  async send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const request = this.configuration.baseServer.makeRequestContext(path, HttpMethod[method]);
    request.setHeaderParam('Accept', 'application/json');
    if (body !== undefined) {
      request.setHeaderParam('Content-Type', 'application/json');
      request.setBody(JSON.stringify(body));
    }
    return this.transmit<T>(request);
  }
}
