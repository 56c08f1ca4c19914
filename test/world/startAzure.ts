import { freePort } from './freePort.ts';
import type { PeerHandle } from './PeerHandle.ts';
import { PeerMissingError } from './PeerMissingError.ts';
import { npmBinary } from './peerBinary.ts';
import { startStoreProcess } from './stores/startStoreProcess.ts';
import type { AzureInfo } from './WorldInfo.ts';

// Azurite's built-in development account; the key is public and documented, not a secret.
const accountName = 'devstoreaccount1';
const accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Starts Azurite's blob service (no queues or tables) on a free loopback port with its default account. */
export async function startAzure(options: { logDir: string }): Promise<PeerHandle<AzureInfo>> {
  const script = npmBinary('azurite-blob');
  if (!script) throw new PeerMissingError('azurite', 'npm ci');
  const port = await freePort();
  const blobEndpoint = `http://127.0.0.1:${port}/${accountName}`;
  const store = await startStoreProcess({
    name: 'azurite',
    logDir: options.logDir,
    // Run the script with this Node: the `#!/usr/bin/env node` on PATH may be one Azurite does not support.
    command: process.execPath,
    args: (dataDir) => [
      script,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--location',
      dataDir,
      // The SDK may be newer than this Azurite and send an API version it does not know yet.
      '--skipApiVersionCheck',
      '--loose',
      // The account comes from the first path segment, as in `blobEndpoint`, never from the host name.
      '--disableProductStyleUrl',
      '--disableTelemetry',
    ],
    // Azurite has no health endpoint; an unauthenticated request gets a 4xx once the service is up.
    readyUrl: `${blobEndpoint}?comp=list`,
    ready: (status) => status < 500,
  });
  const connectionString = [
    'DefaultEndpointsProtocol=http',
    `AccountName=${accountName}`,
    `AccountKey=${accountKey}`,
    `BlobEndpoint=${blobEndpoint}`,
  ].join(';');
  return {
    info: { blobEndpoint, accountName, accountKey, connectionString },
    stop: store.stop,
    logTails: store.logTails,
  };
}
