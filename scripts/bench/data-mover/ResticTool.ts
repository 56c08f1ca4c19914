import { join } from 'node:path';
import type { S3Info } from '../../../test/world/WorldInfo.ts';
import type { BenchTool } from './BenchTool.ts';
import { type Measured, measureRun } from './measureRun.ts';

/** restic with its default settings (compression `auto`), its repository under `restic/` in the bucket. */
export class ResticTool implements BenchTool {
  readonly name = 'restic';
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly binary: string,
    s3: S3Info,
    bucket: string,
    work: string,
    private readonly sizeRepository: () => Promise<number>,
  ) {
    this.env = {
      RESTIC_REPOSITORY: `s3:${s3.endpoint}/${bucket}/restic`,
      RESTIC_PASSWORD: 'fleetback-bench',
      RESTIC_CACHE_DIR: join(work, 'restic-cache'),
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      AWS_DEFAULT_REGION: s3.region,
    };
  }

  async init(): Promise<void> {
    await measureRun(this.binary, ['init'], this.env);
  }

  /** restic finds the parent itself: the newest snapshot of the same host and paths. */
  backup(source: string): Promise<Measured> {
    return measureRun(this.binary, ['backup', '--quiet', source], this.env);
  }

  restore(target: string): Promise<Measured> {
    return measureRun(this.binary, ['restore', 'latest', '--target', target], this.env);
  }

  repositoryBytes(): Promise<number> {
    return this.sizeRepository();
  }
}
