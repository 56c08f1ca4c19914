import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocationTarget } from '#schema/agent/JobPayload';
import type { BenchTool } from './BenchTool.ts';
import { type Measured, measureRun } from './measureRun.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

/** `fleetback mover` from source (Node with tsx's loader, as its integration test runs it). */
export class FleetbackTool implements BenchTool {
  private env: NodeJS.ProcessEnv = {};
  private latest: string | undefined;

  constructor(
    readonly name: string,
    private readonly location: LocationTarget,
    private readonly work: string,
    private readonly sizeRepository: () => Promise<number>,
  ) {}

  async init(): Promise<void> {
    const locationFile = join(this.work, `${this.name}-location.json`);
    await writeFile(locationFile, JSON.stringify(this.location));
    this.env = { FLEETBACK_MOVER_LOCATION_FILE: locationFile, FLEETBACK_MOVER_KEY: randomBytes(32).toString('base64') };
    await this.mover('init');
  }

  async backup(source: string): Promise<Measured> {
    const run = await this.mover('backup', '--source', source, '--tag', 'bench=data-mover', '--parent', 'latest');
    const result = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { type: string; snapshot?: { id: string } })
      .find((line) => line.type === 'backup');
    if (!result?.snapshot) throw new Error(`fleetback mover backup printed no result:\n${run.stdout.slice(-2000)}`);
    this.latest = result.snapshot.id;
    return run;
  }

  restore(target: string): Promise<Measured> {
    if (!this.latest) throw new Error('fleetback: restore before any backup');
    return this.mover('restore', this.latest, '--target', target);
  }

  /** `snapshots`, a command that does almost nothing: the fixed cost of every run (Node, tsx, the SDKs). */
  startup(): Promise<Measured> {
    return this.mover('snapshots');
  }

  repositoryBytes(): Promise<number> {
    return this.sizeRepository();
  }

  private mover(...argv: string[]): Promise<Measured> {
    return measureRun(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/kit/runMoverMain.ts'), ...argv], this.env);
  }
}
