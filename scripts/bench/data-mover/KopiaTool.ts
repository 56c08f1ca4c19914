import { join } from 'node:path';
import type { S3Info } from '../../../test/world/WorldInfo.ts';
import type { BenchTool } from './BenchTool.ts';
import { type Measured, measureRun } from './measureRun.ts';

/**
 * Kopia, its repository under `kopia/` in the bucket. Kopia compresses nothing by default; the benchmark sets
 * zstd as the global policy so repository sizes compare like for like.
 */
export class KopiaTool implements BenchTool {
  readonly name = 'kopia';
  private readonly env: NodeJS.ProcessEnv;
  private readonly common: string[];
  private source: string | undefined;

  constructor(
    private readonly binary: string,
    private readonly s3: S3Info,
    private readonly bucket: string,
    work: string,
    private readonly sizeRepository: () => Promise<number>,
  ) {
    this.env = { KOPIA_PASSWORD: 'fleetback-bench', KOPIA_CHECK_FOR_UPDATES: 'false' };
    this.common = ['--config-file', join(work, 'kopia.config'), '--no-progress'];
  }

  async init(): Promise<void> {
    const endpoint = new URL(this.s3.endpoint);
    await this.kopia('repository', 'create', 's3', '--bucket', this.bucket, '--prefix', 'kopia/', '--endpoint', endpoint.host,
      '--disable-tls', '--region', this.s3.region, '--access-key', this.s3.accessKeyId, '--secret-access-key', this.s3.secretAccessKey);
    await this.kopia('policy', 'set', '--global', '--compression', 'zstd');
  }

  /** Kopia finds the parent itself: the newest snapshot of the same source. */
  backup(source: string): Promise<Measured> {
    this.source = source;
    return this.kopia('snapshot', 'create', source);
  }

  async restore(target: string): Promise<Measured> {
    if (!this.source) throw new Error('kopia: restore before any backup');
    const list = JSON.parse((await this.kopia('snapshot', 'list', this.source, '--json')).stdout) as { rootEntry: { obj: string } }[];
    const root = list.at(-1)?.rootEntry.obj;
    if (!root) throw new Error('kopia: no snapshot to restore');
    return this.kopia('restore', root, target);
  }

  repositoryBytes(): Promise<number> {
    return this.sizeRepository();
  }

  private kopia(...args: string[]): Promise<Measured> {
    return measureRun(this.binary, [...args, ...this.common], this.env);
  }
}
