import { freePort } from './freePort.ts';
import type { PeerHandle } from './PeerHandle.ts';
import { PeerMissingError } from './PeerMissingError.ts';
import { buildCommand, peerBinary } from './peerBinary.ts';
import { startStoreProcess } from './stores/startStoreProcess.ts';
import type { GcsInfo } from './WorldInfo.ts';

/** Starts fake-gcs-server over plain HTTP on a free loopback port, keeping objects on disk. */
export async function startGcs(options: { logDir: string }): Promise<PeerHandle<GcsInfo>> {
  const server = peerBinary('fake-gcs-server');
  if (!server) throw new PeerMissingError('fake-gcs-server', `${buildCommand} -- fake-gcs`);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const store = await startStoreProcess({
    name: 'fake-gcs-server',
    logDir: options.logDir,
    command: server,
    args: (dataDir) => [
      '-scheme',
      'http',
      '-host',
      '127.0.0.1',
      '-port',
      String(port),
      // Resumable uploads continue at the Location the server returns, which it builds from this URL.
      '-external-url',
      endpoint,
      // Media downloads addressed by host (`http://HOST/bucket/object`) must resolve to this server.
      '-public-host',
      `127.0.0.1:${port}`,
      // On disk rather than in memory: large uploads in several suites would otherwise pile up in RAM.
      '-backend',
      'filesystem',
      '-filesystem-root',
      dataDir,
    ],
    readyUrl: `${endpoint}/storage/v1/b`,
  });
  return {
    info: { endpoint, projectId: 'fleetback-test' },
    stop: store.stop,
    logTails: store.logTails,
  };
}
