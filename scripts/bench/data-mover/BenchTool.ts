import type { Measured } from './measureRun.ts';

/** One backup tool under test, with its repository already chosen. */
export interface BenchTool {
  readonly name: string;
  init(): Promise<void>;
  /** Backs `source` up; from the second call on, incrementally from the previous snapshot. */
  backup(source: string): Promise<Measured>;
  /** Restores the newest snapshot into `target` in full. */
  restore(target: string): Promise<Measured>;
  repositoryBytes(): Promise<number>;
}
