import { freePort } from './freePort.ts';
import type { PeerHandle } from './PeerHandle.ts';
import { PeerMissingError } from './PeerMissingError.ts';
import { buildCommand, peerBinary } from './peerBinary.ts';
import { startStoreProcess } from './stores/startStoreProcess.ts';
import type { S3Info } from './WorldInfo.ts';

const region = 'us-east-1';

/** Starts a single-drive MinIO on free loopback ports; clients must use path-style addressing. */
export async function startS3(options: { logDir: string }): Promise<PeerHandle<S3Info>> {
  const minio = peerBinary('minio');
  if (!minio) throw new PeerMissingError('minio', `${buildCommand} -- minio`);
  const [port, consolePort] = [await freePort(), await freePort()];
  const endpoint = `http://127.0.0.1:${port}`;
  const accessKeyId = 'fleetback';
  const secretAccessKey = 'fleetback-test-secret';
  const store = await startStoreProcess({
    name: 'minio',
    logDir: options.logDir,
    command: minio,
    args: (dataDir) => [
      'server',
      `${dataDir}/data`,
      '--address',
      `127.0.0.1:${port}`,
      // The console would otherwise bind a random port on every interface.
      '--console-address',
      `127.0.0.1:${consolePort}`,
      // Keep MinIO out of ~/.minio.
      '--certs-dir',
      `${dataDir}/certs`,
      '--quiet',
    ],
    env: {
      MINIO_ROOT_USER: accessKeyId,
      MINIO_ROOT_PASSWORD: secretAccessKey,
      MINIO_SITE_REGION: region,
      MINIO_BROWSER: 'off',
      MINIO_UPDATE: 'off',
    },
    // `ready` (not `live`): MinIO answers `live` before its drive is formatted and it accepts requests.
    readyUrl: `${endpoint}/minio/health/ready`,
  });
  return {
    info: { endpoint, region, accessKeyId, secretAccessKey },
    stop: store.stop,
    logTails: store.logTails,
  };
}
