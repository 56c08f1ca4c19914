import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { createFakeNode, fakeNodeName, isNodeReady } from './cluster/createFakeNode.ts';
import { makePki } from './cluster/makePki.ts';
import { kubernetesServiceIp, startApiserver } from './cluster/startApiserver.ts';
import { startControllerManager } from './cluster/startControllerManager.ts';
import { startEtcd } from './cluster/startEtcd.ts';
import { startKwok } from './cluster/startKwok.ts';
import { startScheduler } from './cluster/startScheduler.ts';
import { waitForProcess } from './cluster/waitForProcess.ts';
import { writeKubeconfig } from './cluster/writeKubeconfig.ts';
import type { ManagedProcess } from './ManagedProcess.ts';
import type { PeerHandle } from './PeerHandle.ts';
import { PeerMissingError } from './PeerMissingError.ts';
import { peerBinary } from './peerBinary.ts';
import type { ClusterInfo } from './WorldInfo.ts';

export interface StartClusterOptions {
  /** Short name, e.g. `a`; it names the processes' log files (`cluster-a-etcd.log`, …). */
  name: string;
  logDir: string;
  /** Run kube-controller-manager, so Deployments get ReplicaSets and Pods and namespaces ServiceAccounts. */
  controllerManager?: boolean;
  /** Run kube-scheduler, so pods that name no node are placed on the fake node. */
  scheduler?: boolean;
  /** Run kwok and create the Ready fake node `kwok-node-0`, whose pods become Running and answer exec. */
  kwok?: boolean;
}

/**
 * Starts a real Kubernetes control plane on free loopback ports: etcd, kube-apiserver and optionally
 * kube-controller-manager, kube-scheduler and kwok. Keys, etcd data and the admin kubeconfig live in a temporary directory that `stop()`
 * removes. A missing binary throws `PeerMissingError`; any other failure stops what already started.
 */
export async function startCluster(options: StartClusterOptions): Promise<PeerHandle<ClusterInfo>> {
  const binaries = {
    etcd: need('etcd'),
    apiserver: need('kube-apiserver'),
    controllerManager: options.controllerManager ? need('kube-controller-manager') : undefined,
    scheduler: options.scheduler ? need('kube-scheduler') : undefined,
    kwok: options.kwok ? need('kwok') : undefined,
  };
  const { name, logDir } = options;
  const procName = `cluster-${name}`;
  const dir = await mkdtemp(join(tmpdir(), `fleetback-cluster-${name}-`));
  const processes: ManagedProcess[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () => {
    // Reverse start order: kwok and the controller manager first, etcd last, so nobody logs a dead peer.
    stopping ??= (async () => {
      for (const p of processes.toReversed()) await p.stop();
      await rm(dir, { recursive: true, force: true });
    })();
    return stopping;
  };
  const logTails = () =>
    processes.map((p) => `----- ${p.name} (${p.logFile}) -----\n${p.logTail()}`).join('\n');

  try {
    const track = (p: ManagedProcess | undefined) => {
      if (p) processes.push(p);
      return p;
    };
    const [etcd, pki] = await settleAll([
      startEtcd({ binary: binaries.etcd, name: procName, dir, logDir }).then((e) => {
        track(e.process);
        return e;
      }),
      makePki(join(dir, 'pki'), kubernetesServiceIp),
    ]);
    const apiserver = await startApiserver({
      binary: binaries.apiserver,
      name: procName,
      etcd: etcd.endpoint,
      pki,
      logDir,
    });
    track(apiserver.process);
    const kubeconfigPath = join(dir, 'admin.kubeconfig');
    await writeKubeconfig(kubeconfigPath, {
      name: `fleetback-world-${name}`,
      server: apiserver.server,
      caCert: pki.caCert,
      clientCert: pki.adminCert,
      clientKey: pki.adminKey,
    });
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfigPath);

    // The controller manager and kwok need nothing from each other; starting them together saves seconds.
    await settleAll([
      binaries.controllerManager &&
        startControllerManager({
          binary: binaries.controllerManager,
          name: procName,
          kubeconfigPath,
          pki,
          dir,
          logDir,
        }).then(track),
      binaries.scheduler &&
        startScheduler({ binary: binaries.scheduler, name: procName, kubeconfigPath, logDir }).then(track),
      binaries.kwok &&
        startKwokWithNode(kc, {
          binary: binaries.kwok,
          cluster: name,
          name: procName,
          dir,
          kubeconfigPath,
          logDir,
        }).then(track),
    ]);

    return {
      info: {
        name,
        server: apiserver.server,
        kubeconfigPath,
        caFile: pki.caCert,
        controllerManager: Boolean(binaries.controllerManager),
        scheduler: Boolean(binaries.scheduler),
        kwok: Boolean(binaries.kwok),
      },
      stop,
      logTails,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Like `Promise.all`, but waits for every promise, so nothing is still starting when the caller cleans up. */
async function settleAll<T extends readonly unknown[]>(
  promises: { [K in keyof T]: Promise<T[K]> | T[K] },
): Promise<T> {
  const results = await Promise.allSettled(promises);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

function need(binary: string): string {
  const path = peerBinary(binary);
  if (!path) throw new PeerMissingError(binary);
  return path;
}

async function startKwokWithNode(
  kc: KubeConfig,
  options: Parameters<typeof startKwok>[0],
): Promise<ManagedProcess> {
  const kwok = await startKwok(options);
  try {
    const node = await createFakeNode(kc);
    const core = kc.makeApiClient(CoreV1Api);
    const name = node.metadata?.name ?? fakeNodeName;
    await waitForProcess(kwok, async () => isNodeReady(await core.readNode({ name })), {
      what: `node ${name} to become Ready`,
      timeoutMs: 30_000,
    });
    return kwok;
  } catch (error) {
    await kwok.stop();
    throw error;
  }
}
