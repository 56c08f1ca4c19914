import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeerHandle } from './PeerHandle.ts';
import { PeerMissingError } from './PeerMissingError.ts';
import { startAzure } from './startAzure.ts';
import { startCluster } from './startCluster.ts';
import { startGcs } from './startGcs.ts';
import { startIdp } from './startIdp.ts';
import { startPostgres } from './startPostgres.ts';
import { startS3 } from './startS3.ts';
import type { WorldInfo } from './WorldInfo.ts';

export interface World {
  info: WorldInfo;
  stop(): Promise<void>;
  logTails(): string;
}

export interface StartWorldOptions {
  /** When true a missing peer fails the start instead of being listed in `info.missing`. */
  requireAll: boolean;
}

/**
 * Starts every peer of the test world on free loopback ports: two clusters, MinIO, fake-gcs-server,
 * Azurite, an OIDC provider and PostgreSQL. A peer that is not built is reported (and its tests skip)
 * unless `requireAll` is set; any other start failure stops what already started and throws.
 */
export async function startWorld(options: StartWorldOptions): Promise<World> {
  const logDir = mkdtempSync(join(tmpdir(), 'fleetback-world-'));
  const handles: PeerHandle<unknown>[] = [];
  const info: WorldInfo = { logDir, clusters: [], missing: [] };

  const start = async <I>(starter: () => Promise<PeerHandle<I>>, use: (info: I) => void) => {
    try {
      const handle = await starter();
      handles.push(handle);
      use(handle.info);
    } catch (error) {
      if (!(error instanceof PeerMissingError) || options.requireAll) throw error;
      info.missing.push({ peer: error.peer, command: error.command });
    }
  };
  const stop = async () => {
    await Promise.allSettled(handles.map((h) => h.stop()));
  };
  try {
    // Clusters start one after the other: two kube-apiservers booting at once starve a 2-core machine.
    for (const name of ['a', 'b']) {
      await start(
        () => startCluster({ name, logDir, controllerManager: true, kwok: true }),
        (c) => info.clusters.push(c),
      );
    }
    await Promise.all([
      start(() => startS3({ logDir }), (s) => (info.s3 = s)),
      start(() => startGcs({ logDir }), (s) => (info.gcs = s)),
      start(() => startAzure({ logDir }), (s) => (info.azure = s)),
      start(() => startIdp({ logDir }), (s) => (info.idp = s)),
      start(() => startPostgres({ logDir }), (s) => (info.postgres = s)),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { info, stop, logTails: () => handles.map((h) => h.logTails()).join('\n') };
}
