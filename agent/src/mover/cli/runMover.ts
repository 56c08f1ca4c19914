import { readFile } from 'node:fs/promises';
import { renderSettingsHelp } from '#schema/settings/renderSettingsTable';
import type { SnapshotInfo } from '../../repository/Repository.ts';
import type { ObjectStore } from '../../storage/ObjectStore.ts';
import { openObjectStore } from '../../storage/openObjectStore.ts';
import { backupTree } from '../backupTree.ts';
import type { MoverRepository } from '../MoverRepository.ts';
import type { Progress } from '../Progress.ts';
import { restoreTree } from '../restoreTree.ts';
import { classifyMoverError } from './classifyMoverError.ts';
import { guardStore } from './guardStore.ts';
import { jsonPath } from './jsonPath.ts';
import { type MoverExitCode, moverExitCodes } from './moverExitCodes.ts';
import { moverSettings } from './moverSettings.ts';
import { MoverUsageError } from './MoverUsageError.ts';
import { type MoverArgs, parseMoverArgs } from './parseMoverArgs.ts';
import { parseLocationTarget } from './parseLocationTarget.ts';
import { readMoverKey } from './readMoverKey.ts';

/** How the mover creates and opens repositories (the content store's `initRepository` and `openRepository`). */
export interface RepositoryAccess {
  init(store: ObjectStore, kek: Buffer): Promise<MoverRepository>;
  open(store: ObjectStore, kek: Buffer): Promise<MoverRepository>;
}

/** Where the mover writes: one JSON object per stdout line, and error lines for stderr. */
export interface MoverIo {
  readonly env: NodeJS.ProcessEnv;
  stdout(line: string): void;
  stderr(line: string): void;
}

/**
 * `fleetback mover init|backup|restore|snapshots`: reads the location and key, runs the command, prints JSON
 * lines (progress, warnings, failures, the result) and returns the exit code (`moverExitCodes`). An error ends
 * it with one JSON line and one human line on stderr.
 */
export async function runMover(argv: string[], io: MoverIo, access: RepositoryAccess): Promise<MoverExitCode> {
  const print = (value: object) => io.stdout(JSON.stringify(value));
  if (argv.length === 0 || argv.includes('--help')) {
    io.stdout(moverUsage());
    return argv.length === 0 ? moverExitCodes.usage : moverExitCodes.ok;
  }
  try {
    const args = parseMoverArgs(argv, io.env);
    const target = parseLocationTarget(await readJson(args.locationFile), args.locationFile);
    const kek = readMoverKey(io.env, args.keyFile);
    const store = guardStore(openObjectStore(target), target);
    if (args.command === 'init') {
      await access.init(store, kek);
      print({ type: 'init', location: store.describe() });
      return moverExitCodes.ok;
    }
    const repository = await access.open(store, kek);
    switch (args.command) {
      case 'snapshots':
        for (const snapshot of await repository.listSnapshots()) print({ type: 'snapshot', ...snapshotJson(snapshot) });
        return moverExitCodes.ok;
      case 'backup':
        return await backup(repository, args, print);
      case 'restore':
        return await restore(repository, args, print);
    }
  } catch (error) {
    const { exitCode, code } = classifyMoverError(error);
    const message = (error as Error).message ?? String(error);
    io.stderr(JSON.stringify({ type: 'error', code, exitCode, message }));
    io.stderr(`fleetback mover: ${message}`);
    return exitCode;
  }
}

async function backup(repository: MoverRepository, args: MoverArgs, print: (value: object) => void): Promise<MoverExitCode> {
  const parent = args.parent === undefined ? undefined : await resolveParent(repository, args.parent, args.tags);
  const { snapshot, stats } = await backupTree(repository, args.source as string, {
    ...(parent ? { parent: parent.id } : {}),
    tags: args.tags,
    concurrency: args.concurrency,
    onProgress: (progress) => print(progressJson('backup', progress)),
    onWarning: (warning) => print({ type: 'warning', ...jsonPath(warning.path), reason: warning.reason }),
  });
  print({ type: 'backup', snapshot: snapshotJson(snapshot), stats });
  return stats.failed > 0 ? moverExitCodes.partial : moverExitCodes.ok;
}

async function restore(repository: MoverRepository, args: MoverArgs, print: (value: object) => void): Promise<MoverExitCode> {
  const snapshot = await findSnapshot(repository, args.snapshot as string);
  const result = await restoreTree(repository, snapshot.id, args.target as string, {
    paths: args.paths,
    concurrency: args.concurrency,
    onProgress: (progress) => print(progressJson('restore', progress)),
  });
  for (const failure of result.failures) print({ type: 'failure', ...jsonPath(failure.path), reason: failure.reason });
  const { failures, ...counts } = result;
  print({ type: 'restore', snapshot: snapshotJson(snapshot), ...counts, failed: failures.length });
  return failures.length > 0 ? moverExitCodes.partial : moverExitCodes.ok;
}

/** `latest` is the newest snapshot carrying every given tag; none yet makes a full backup. */
async function resolveParent(repository: MoverRepository, parent: string, tags: Record<string, string>): Promise<SnapshotInfo | undefined> {
  if (parent !== 'latest') return findSnapshot(repository, parent);
  const matching = (await repository.listSnapshots()).filter((s) => Object.entries(tags).every(([k, v]) => s.tags[k] === v));
  return matching.at(-1);
}

async function findSnapshot(repository: MoverRepository, id: string): Promise<SnapshotInfo> {
  const found = (await repository.listSnapshots()).find((snapshot) => snapshot.id === id);
  if (!found) throw new MoverUsageError(`the repository holds no snapshot ${id}; \`fleetback mover snapshots\` lists them`);
  return found;
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new MoverUsageError(`cannot read the location file ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MoverUsageError(`the location file ${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

function snapshotJson(snapshot: SnapshotInfo) {
  return { id: snapshot.id, time: snapshot.time.toISOString(), tags: snapshot.tags, parent: snapshot.parent ?? null };
}

function progressJson(command: string, progress: Progress) {
  return { type: 'progress', command, ...progress };
}

function moverUsage(): string {
  return [
    'usage: fleetback mover init',
    '       fleetback mover backup --source DIR [--parent ID|latest] [--tag key=value]…',
    '       fleetback mover restore ID --target DIR [--path P]…',
    '       fleetback mover snapshots',
    'The key-encryption key (base64 of 32 bytes) comes from FLEETBACK_MOVER_KEY or --key-file.',
    '',
    renderSettingsHelp(moverSettings),
  ].join('\n');
}
