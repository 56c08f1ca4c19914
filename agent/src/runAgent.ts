import { tmpdir } from 'node:os';
import type { pino } from 'pino';
import { type AgentJobEvent, parseAgentJobEvent } from '#schema/agent/AgentJobEvent';
import { WireError } from '#schema/contracts/WireError';
import { agentVersion } from './agentVersion.ts';
import type { AgentConfig } from './config/loadAgentConfig.ts';
import { InventoryWatcher } from './inventory/InventoryWatcher.ts';
import { HubJobChannel } from './jobs/HubJobChannel.ts';
import { JobRunner } from './jobs/JobRunner.ts';
import { createJobHandler } from './jobs/createJobHandler.ts';
import { removeStaleSpools } from './restore/removeStaleSpools.ts';
import { WebSocketPodExec } from './rules/WebSocketPodExec.ts';
import { KubeWriter } from './kube/KubeWriter.ts';
import type { ClusterAccess } from './kube/loadKubeConfig.ts';
import { AgentFatalError } from './link/AgentFatalError.ts';
import type { CredentialStore } from './link/CredentialStore.ts';
import { credentialBindingRefusal } from './link/credentialBindingRefusal.ts';
import { createWebSocketClass } from './link/createWebSocketClass.ts';
import { enroll } from './link/enroll.ts';
import { HubLink } from './link/HubLink.ts';
import { InventoryReporter } from './link/InventoryReporter.ts';
import type { StoredCredential } from './link/StoredCredential.ts';

export interface RunningAgent {
  /** Settles when the agent stops: resolves on `stop()`, rejects with `AgentFatalError` when refused. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the agent: enrolls if it has no credential yet, then keeps the link to the hub, reports the cluster's
 * facts and inventory from watches, and runs the jobs the hub offers.
 */
export async function runAgent(
  config: AgentConfig,
  access: ClusterAccess,
  store: CredentialStore,
  logger: pino.Logger,
): Promise<RunningAgent> {
  const webSocketImpl = createWebSocketClass(config.hubUrl, { ca: config.caBundle, env: process.env });
  let found = await store.load();
  if (!found) {
    if (!config.enrollmentToken) {
      throw new AgentFatalError(
        `no cluster credential in ${store.description} and no enrollment token: register the cluster (Mutation.registerCluster) and start the agent with FLEETBACK_ENROLLMENT_TOKEN`,
      );
    }
    found = await enrollOnce(config, store, webSocketImpl, logger);
  } else {
    const refusal = credentialBindingRefusal(found, config, store.description);
    if (refusal !== undefined) throw new AgentFatalError(refusal);
    const { clusterId, clusterName } = found;
    logger.info({ store: store.description, clusterId, clusterName }, 'using the stored credential of this cluster');
  }
  const stored = found.credential;

  let fail: (error: AgentFatalError) => void = () => {};
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  let watcherReady = false;
  const watcher: InventoryWatcher = new InventoryWatcher(access.kubeConfig, {
    facts: (facts) => reporter.facts(facts),
    namespaces: (update) => reporter.namespaces(update),
  }, { logger });
  const link: HubLink = new HubLink({
    hubUrl: config.hubUrl,
    agentVersion,
    credential: () => stored,
    webSocketImpl,
    logger,
    onConnected: () => reporter.connected(watcherReady ? watcher.snapshot() : undefined),
    onDisconnected: () => reporter.disconnected(),
    onFatal: (error) => {
      void shutdown().then(() => fail(error));
    },
  });
  const reporter = new InventoryReporter(link, logger);
  const runner = new JobRunner({
    channel: new HubJobChannel(link),
    handle: createJobHandler(KubeWriter.of(access.kubeConfig), new WebSocketPodExec(access.kubeConfig), config.storeStall),
    maxConcurrent: config.maxConcurrentJobs,
    heartbeatMs: 15_000,
    logger,
  });
  link.subscribe('subscription { jobs { type jobId attempt payload } }', (data) => {
    let event: AgentJobEvent;
    try {
      event = parseAgentJobEvent(data);
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      logger.error({ err: error }, 'ignored a job event this agent cannot read; the hub and agent versions may not match');
      return;
    }
    if (event.type === 'Cancel') runner.cancel(event.jobId);
    else runner.offer(event);
  });

  removeStaleSpools(tmpdir()).then(
    (removed) => {
      if (removed.length > 0) logger.warn({ removed }, 'removed restore spools left by agents that were killed mid-restore');
    },
    (error: unknown) => logger.warn({ err: error }, 'could not look for leftover restore spools'),
  );

  let stopping: Promise<void> | undefined;
  const shutdown = () => {
    stopping ??= (async () => {
      runner.stop();
      link.close();
      await watcher.stop();
    })();
    return stopping;
  };
  const stop = () => shutdown().then(() => finish());
  watcher.start().then(
    () => {
      watcherReady = true;
    },
    (error: unknown) => {
      if (!stopping) logger.error({ err: error }, 'the inventory watcher could not start');
    },
  );
  return { done, stop };
}

async function enrollOnce(
  config: AgentConfig,
  store: CredentialStore,
  webSocketImpl: ReturnType<typeof createWebSocketClass>,
  logger: pino.Logger,
): Promise<StoredCredential> {
  let refused: AgentFatalError | undefined;
  const link = new HubLink({
    hubUrl: config.hubUrl,
    agentVersion,
    credential: () => undefined,
    webSocketImpl,
    logger,
    onFatal: (error) => {
      refused = error;
    },
  });
  try {
    const { clusterId, clusterName, tenantId } = await enroll(link, config.hubUrl, config.enrollmentToken as string, store);
    logger.info({ clusterId, clusterName, tenantId, store: store.description }, 'enrolled; credential stored');
  } catch (error) {
    throw refused ?? error;
  } finally {
    link.close();
  }
  const stored = await store.load();
  if (!stored) throw new AgentFatalError(`the credential could not be read back from ${store.description}`);
  return stored;
}
