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

export const allPeers = ['clusters', 's3', 'gcs', 'azure', 'idp', 'postgres'] as const;
export type PeerName = (typeof allPeers)[number];

export interface StartWorldOptions {
  /** When true a missing peer fails the start instead of being listed in `info.missing`. */
  requireAll: boolean;
  /** Which peers to start; all by default. A developer narrows it with FLEETBACK_WORLD_PEERS=s3,gcs. */
  peers?: readonly PeerName[];
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

  const wanted = new Set(options.peers ?? allPeers);
  const start = async <I>(peer: PeerName, starter: () => Promise<PeerHandle<I>>, use: (info: I) => void) => {
    if (!wanted.has(peer)) return;
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
        'clusters',
        () => startCluster({ name, logDir, controllerManager: true, scheduler: true, kwok: true }),
        (c) => info.clusters.push(c),
      );
    }
    await Promise.all([
      start(
        's3',
        () => startS3({ logDir }),
        (s) => (info.s3 = s),
      ),
      start(
        'gcs',
        () => startGcs({ logDir }),
        (s) => (info.gcs = s),
      ),
      start(
        'azure',
        () => startAzure({ logDir }),
        (s) => (info.azure = s),
      ),
      start(
        'idp',
        () => startIdp({ logDir }),
        (s) => (info.idp = s),
      ),
      start(
        'postgres',
        () => startPostgres({ logDir }),
        (s) => (info.postgres = s),
      ),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { info, stop, logTails: () => handles.map((h) => h.logTails()).join('\n') };
}
