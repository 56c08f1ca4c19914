import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { isConflict, isNotFound } from '../kube/KubeJsonClient.ts';
import type { CredentialStore } from './CredentialStore.ts';
import { parseStoredCredential, serializeStoredCredential, type StoredCredential } from './StoredCredential.ts';
import { takenMeanwhile } from './takenMeanwhile.ts';

const key = 'credential';

/** The credential record in a Kubernetes Secret of the agent's own namespace: how the agent keeps it in-cluster. */
export class SecretCredentialStore implements CredentialStore {
  readonly description: string;
  readonly #core: CoreV1Api;

  constructor(
    kubeConfig: KubeConfig,
    private readonly namespace: string,
    private readonly name: string,
  ) {
    this.#core = kubeConfig.makeApiClient(CoreV1Api);
    this.description = `Secret ${namespace}/${name}`;
  }

  async load(): Promise<StoredCredential | undefined> {
    try {
      const secret = await this.#core.readNamespacedSecret({ namespace: this.namespace, name: this.name });
      const value = secret.data?.[key];
      return value ? parseStoredCredential(Buffer.from(value, 'base64').toString('utf8'), this.description) : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async save(stored: StoredCredential): Promise<void> {
    const body = {
      metadata: { name: this.name, namespace: this.namespace, labels: { 'app.kubernetes.io/part-of': 'fleetback' } },
      type: 'Opaque',
      data: { [key]: Buffer.from(serializeStoredCredential(stored)).toString('base64') },
    };
    try {
      await this.#core.createNamespacedSecret({ namespace: this.namespace, body });
      return;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    // The Secret exists: it may be filled only while it holds no credential (made empty beforehand, by hand or
    // a chart). The replace carries the resourceVersion read, so another agent filling it meanwhile fails it.
    const current = await this.#core.readNamespacedSecret({ namespace: this.namespace, name: this.name });
    if (current.data?.[key]) throw takenMeanwhile(this.description, stored);
    const replacement = { ...body, metadata: { ...body.metadata, resourceVersion: current.metadata?.resourceVersion } };
    try {
      await this.#core.replaceNamespacedSecret({ namespace: this.namespace, name: this.name, body: replacement });
    } catch (error) {
      if (isConflict(error)) throw takenMeanwhile(this.description, stored);
      throw error;
    }
  }
}
