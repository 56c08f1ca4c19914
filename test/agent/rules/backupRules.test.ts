import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocationTarget, ResolvedRule } from '#schema/agent/JobPayload';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import { parseRuleSpec } from '#schema/contracts/RuleSpec';
import { type BackupPayload, runBackup } from '../../../agent/src/backup/runBackup.ts';
import { JobFailure } from '../../../agent/src/jobs/JobFailure.ts';
import { type KubeJson, KubeJsonClient } from '../../../agent/src/kube/KubeJsonClient.ts';
import { WebSocketPodExec } from '../../../agent/src/rules/WebSocketPodExec.ts';
import type { ObjectStore } from '../../../agent/src/storage/ObjectStore.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import { inspectBackup, listKeys } from '../backup/inspectBackup.ts';
import { recordingContext } from '../backup/recordingContext.ts';
import { createRulePods, type RulePods } from './createRulePods.ts';

// Pre- and post-exec rules run by the agent through the real exec API of a real API server. The pods run on
// kwok's fake node, whose exec runs each command on this machine: what a command does (files it writes, the
// process it is) can be observed from here, while the backup runs.
const world = inject('world');
const cluster = world.clusters.find((c) => c.name === 'a');
const run = Date.now().toString(36);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

describe.skipIf(!cluster?.kwok || !cluster?.controllerManager || !cluster?.scheduler)('backup rules on world cluster a', () => {
  const info = cluster as ClusterInfo;
  let admin: KubeConfig;
  let kube: KubeJson;
  let exec: WebSocketPodExec;
  let f: RulePods;
  let work: string;
  let target: LocationTarget;
  let store: ObjectStore;

  beforeAll(async () => {
    admin = new KubeConfig();
    admin.loadFromFile(info.kubeconfigPath);
    kube = KubeJsonClient.of(admin);
    exec = new WebSocketPodExec(admin);
    f = await createRulePods(admin, run);
    work = await mkdtemp(join(tmpdir(), 'backup-rules-'));
    target = { kind: 'filesystem', path: work, prefix: 'loc' };
    store = openObjectStore(target);
  });

  afterAll(async () => {
    await f?.remove();
    if (work) await rm(work, { recursive: true, force: true });
  });

  let backups = 0;
  function payload(rules: { pre?: ResolvedRule; post?: ResolvedRule }, includeNamespaces = [f.ns]): BackupPayload {
    const id = `b-${run}-${++backups}`;
    const spec = parseBackupSpec({ version: 1, clusterId: 'a', locationId: 'loc', includeNamespaces });
    return {
      kind: 'backup',
      backup: { id, name: `with-rules-${backups}`, spec },
      location: target,
      preRule: rules.pre ?? null,
      postRule: rules.post ?? null,
    };
  }
  const rule = (name: string, subRules: unknown[]): ResolvedRule => ({
    id: `rule-${name}`,
    name,
    spec: parseRuleSpec({ version: 1, subRules }),
  });
  /** A sub-rule over the db pods running `actions`. */
  const onDb = (...actions: Record<string, unknown>[]) => ({ podSelectors: ['app=db'], actions });
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('the backup should have failed'),
      (error: unknown) => error as Error,
    );

  it("puts each action's output and exit code in the backup log: pre-exec lines first, post-exec lines last", async () => {
    const p = payload({
      pre: rule('greet', [
        onDb(
          { command: 'echo "hello from $FLEETBACK_CLUSTER"; echo "to stderr" >&2', runInSinglePod: true },
          { argv: ['sh', '-c', 'echo in the sidecar'], container: 'sidecar', runInSinglePod: true },
        ),
      ]),
      post: rule('bye', [{ podSelectors: ['tier in (data)'], actions: [{ command: 'echo bye', runInSinglePod: true }] }]),
    });
    const { ctx, reports } = recordingContext();
    const outcome = await runBackup(p, { kube, store, exec }, ctx);
    expect(outcome).toMatchObject({ phase: 'Completed', errors: [] });

    const b = await inspectBackup(store, p.backup.id, work);
    const first = f.pods[0];
    const rules = b.log.filter((l) => l.rule);
    expect(rules).toEqual([
      {
        level: 'info',
        message: expect.stringMatching(/^pre-exec rule 'greet', sub-rule 1, action 1 \(echo .*\): exited with code 0 after /),
        resource: 'pods',
        namespace: f.ns,
        name: first,
        rule: {
          hook: 'pre', id: 'rule-greet', name: 'greet', subRule: 1, action: 1, container: 'db', exitCode: 0,
          stdout: 'hello from a\n', stderr: 'to stderr\n',
        },
      },
      expect.objectContaining({
        level: 'info',
        name: first,
        rule: expect.objectContaining({ action: 2, container: 'sidecar', exitCode: 0, stdout: 'in the sidecar\n' }),
      }),
      expect.objectContaining({
        level: 'info',
        message: expect.stringMatching(/^post-exec rule 'bye', sub-rule 1, action 1 \(echo bye\): exited with code 0/),
        rule: expect.objectContaining({ hook: 'post', stdout: 'bye\n' }),
      }),
    ]);
    expect(b.log[0]).toBe(b.log.find((l) => l.rule?.hook === 'pre'));
    expect(b.log.at(-1)?.rule?.hook).toBe('post');
    // Info lines are neither warnings nor errors, in backup.json or in the outcome.
    expect(b.manifest).toMatchObject({ phase: 'Completed', errorCount: 0, warningCount: outcome.warnings.length });
    expect(b.index.some((e) => e.resource === 'configmaps' && e.name === 'settings')).toBe(true);
    expect(reports.map((r) => r.message)).toContainEqual(
      expect.stringMatching(new RegExp(`^pre-exec rule 'greet', sub-rule 1, action 1 .* in pod ${f.ns}/${first}: exited with code 0`)),
    );

    // A rerun of the committed job reads the same outcome back from the log, info lines and all.
    expect(await runBackup(p, { kube, store, exec }, recordingContext().ctx)).toEqual(outcome);
  });

  it('keeps a background action running while the items are collected, and stops it after', async () => {
    const dir = await mkdtemp(join(work, 'background-'));
    const pidFile = join(dir, 'pid');
    const lock = join(dir, 'locked');
    // A lock holder: it holds the "lock" until a line or the end of input arrives on its stdin, which is how
    // the agent asks a background action to stop. The backup goes on once the command has started; the
    // foreground action after it waits until the lock is held, as a rule does for a lock that takes a moment.
    const hold = `echo $$ > ${pidFile}; touch ${lock}; read _; rm ${lock}`;
    const p = payload({
      pre: rule('hold', [
        onDb(
          { command: hold, background: true, runInSinglePod: true },
          { command: `until [ -f ${lock} ]; do sleep 0.05; done`, runInSinglePod: true, timeoutSeconds: 10 },
        ),
      ]),
    });
    // Looked at whenever the backup reports: while items are archived, and once they all are.
    const seen: { message: string; locked: boolean; alive: boolean }[] = [];
    const { ctx } = recordingContext((report) => {
      if (report.done > 0 && report.message?.startsWith('archived ')) {
        const pid = Number(readFileSync(pidFile, 'utf8'));
        seen.push({ message: report.message, locked: existsSync(lock), alive: alive(pid) });
      }
      return false;
    });
    const outcome = await runBackup(p, { kube, store, exec }, ctx);
    expect(outcome.phase).toBe('Completed');
    const collecting = seen.filter((s) => /^archived \d+ items$/.test(s.message));
    expect(collecting.length).toBeGreaterThan(0);
    expect(collecting.every((s) => s.locked && s.alive)).toBe(true);
    // Stopped once the items are archived, before the index, the log and backup.json are written.
    expect(seen.at(-1)).toMatchObject({ message: expect.stringMatching(/; writing the index/), locked: false });

    // And the process is gone: its exit status came back, so it had exited and been reaped.
    expect(alive(Number(await readFile(pidFile, 'utf8')))).toBe(false);
    const b = await inspectBackup(store, p.backup.id, work);
    // In the order they ended: the waiting action, then the background one.
    expect(b.log.filter((l) => l.rule)).toEqual([
      expect.objectContaining({ level: 'info', name: f.pods[0], rule: expect.objectContaining({ action: 2, exitCode: 0 }) }),
      expect.objectContaining({
        level: 'info',
        name: f.pods[0],
        message: expect.stringMatching(
          /^pre-exec rule 'hold', sub-rule 1, action 1 .*: was stopped when the backup ended, and exited with code 0 after running/,
        ),
      }),
    ]);
  });

  it('warns when a background action does not exit when asked to stop, since it may still be running', async () => {
    const dir = await mkdtemp(join(work, 'deaf-'));
    const pidFile = join(dir, 'pid');
    const p = payload({
      pre: rule('deaf', [onDb({ command: `echo $$ > ${pidFile}; while true; do sleep 0.1; done`, background: true, runInSinglePod: true })]),
    });
    try {
      const outcome = await runBackup(p, { kube, store, exec }, recordingContext().ctx);
      expect(outcome).toMatchObject({ phase: 'Completed', errors: [] });
      expect(outcome.warnings).toContainEqual(
        expect.stringMatching(
          /pre-exec rule 'deaf', sub-rule 1, action 1 .*: did not exit when asked to stop .*; it may still be running in the pod$/,
        ),
      );
    } finally {
      // Closing its exec session does not end it in kwok (nor in every real runtime): the test ends it here.
      const pid = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
      if (pid > 0 && alive(pid)) process.kill(pid);
    }
  });

  it('runs a runInSinglePod action once, in the first pod by name, and the others in each pod', async () => {
    const dir = await mkdtemp(join(work, 'single-'));
    const p = payload({
      pre: rule('count', [
        onDb({ command: `echo once >> ${join(dir, 'single')}`, runInSinglePod: true }, { command: `echo each >> ${join(dir, 'each')}` }),
      ]),
    });
    await runBackup(p, { kube, store, exec }, recordingContext().ctx);
    expect(await lines(join(dir, 'single'))).toEqual(['once']);
    expect(await lines(join(dir, 'each'))).toEqual(['each', 'each', 'each']);
    const b = await inspectBackup(store, p.backup.id, work);
    const podsOf = (action: number) => b.log.filter((l) => l.rule?.action === action).map((l) => l.name);
    expect(podsOf(1)).toEqual([f.pods[0]]);
    expect(podsOf(2)).toEqual(f.pods);
  });

  it('fails the backup before anything is written when a pre-exec action fails, and still runs the post-exec rule', async () => {
    const dir = await mkdtemp(join(work, 'failing-'));
    const p = payload({
      pre: rule('lock', [onDb({ command: 'echo "cannot lock" >&2; exit 3', runInSinglePod: true })]),
      post: rule('unlock', [onDb({ command: `echo ran >> ${join(dir, 'post')}`, runInSinglePod: true })]),
    });
    const { ctx, reports } = recordingContext();
    const failure = await failureOf(runBackup(p, { kube, store, exec }, ctx));
    expect(failure).toBeInstanceOf(JobFailure);
    expect(failure.message).toBe(
      `nothing was backed up: pre-exec rule 'lock', sub-rule 1, action 1 ` +
        `(echo "cannot lock" >&2; exit 3), in pod ${f.ns}/${f.pods[0]} (container db): exited with code 3; stderr: cannot lock`,
    );
    expect(await listKeys(store, `backups/${p.backup.id}/`)).toEqual([]);
    expect(await lines(join(dir, 'post'))).toEqual(['ran']);
    expect(reports.map((r) => r.message)).toContainEqual(expect.stringMatching(/^post-exec rule 'unlock'.*exited with code 0/));
  });

  it('enforces an action’s timeout', async () => {
    const dir = await mkdtemp(join(work, 'timeout-'));
    const pidFile = join(dir, 'pid');
    const p = payload({
      pre: rule('slow', [onDb({ command: `echo $$ > ${pidFile}; exec sleep 30`, timeoutSeconds: 1, runInSinglePod: true })]),
    });
    const started = Date.now();
    const failure = await failureOf(runBackup(p, { kube, store, exec }, recordingContext().ctx));
    try {
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(failure.message).toMatch(
        new RegExp(`pre-exec rule 'slow', sub-rule 1, action 1 .*, in pod ${f.ns}/${f.pods[0]} \\(container db\\): did not finish within its timeout of 1 s`),
      );
      expect(await listKeys(store, `backups/${p.backup.id}/`)).toEqual([]);
    } finally {
      // The exec API cannot signal what it started; this test's own process is ended here.
      const pid = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
      if (pid > 0 && alive(pid)) process.kill(pid);
    }
  });

  it('fails the backup when a background action ends with a failure before the backup does', async () => {
    const dir = await mkdtemp(join(work, 'lost-'));
    const p = payload({
      pre: rule('fragile', [
        onDb({ command: 'echo "lock lost" >&2; exit 7', background: true, runInSinglePod: true }, { command: 'sleep 1', runInSinglePod: true }),
      ]),
      post: rule('after-lost', [onDb({ command: `echo ran >> ${join(dir, 'post')}`, runInSinglePod: true })]),
    });
    const failure = await failureOf(runBackup(p, { kube, store, exec }, recordingContext().ctx));
    expect(failure.message).toBe(
      `pre-exec rule 'fragile', sub-rule 1, action 1 (echo "lock lost" >&2; exit 7), in pod ${f.ns}/${f.pods[0]} ` +
        `(container db): the background action exited with code 7 before the backup ended; stderr: lock lost`,
    );
    expect(await listKeys(store, `backups/${p.backup.id}/`)).toEqual([]);
    expect(await lines(join(dir, 'post'))).toEqual(['ran']);
  });

  it('makes a backup PartiallyFailed when a post-exec action fails, with the error listed', async () => {
    const p = payload({
      post: rule('unfreeze', [onDb({ command: 'echo "unfreeze failed" >&2; exit 5', runInSinglePod: true })]),
    });
    const outcome = await runBackup(p, { kube, store, exec }, recordingContext().ctx);
    expect(outcome.phase).toBe('PartiallyFailed');
    expect(outcome.errors).toEqual([
      expect.stringMatching(
        new RegExp(`^pods ${f.ns}/${f.pods[0]}: post-exec rule 'unfreeze', sub-rule 1, action 1 .*: exited with code 5 after`),
      ),
    ]);
    const b = await inspectBackup(store, p.backup.id, work);
    expect(b.manifest).toMatchObject({ phase: 'PartiallyFailed', errorCount: 1 });
    expect(b.log.at(-1)).toMatchObject({ level: 'error', rule: { hook: 'post', exitCode: 5, stderr: 'unfreeze failed\n' } });
  });

  it("runs no sub-rule outside the backup's namespaces, whatever namespaces it names (exec rules escaped narrowing)", async () => {
    const marker = join(work, `escaped-${run}`);
    const p = payload(
      { pre: rule('elsewhere', [{ podSelectors: ['app=db'], namespaces: [f.ns], actions: [{ command: `touch ${marker}` }] }]) },
      ['default'],
    );
    const outcome = await runBackup(p, { kube, store, exec }, recordingContext().ctx);
    expect(outcome).toMatchObject({ phase: 'Completed', errors: [] });
    expect(existsSync(marker)).toBe(false);
    expect(outcome.warnings).toContain(
      `pre-exec rule 'elsewhere', sub-rule 1: no Running pod matches app=db in the namespaces of the backup matching ${f.ns}; its actions did not run`,
    );
  });

  it('goes on with warnings when no pod matches a sub-rule or an action may fail', async () => {
    const p = payload({
      pre: rule('optional', [
        { podSelectors: ['app=nothing-here'], actions: [{ command: 'true' }] },
        onDb({ command: 'exit 2', runInSinglePod: true, continueOnFailure: true }),
      ]),
    });
    const outcome = await runBackup(p, { kube, store, exec }, recordingContext().ctx);
    expect(outcome).toMatchObject({ phase: 'Completed', errors: [] });
    expect(outcome.warnings).toEqual(
      expect.arrayContaining([
        "pre-exec rule 'optional', sub-rule 1: no Running pod matches app=nothing-here in the namespaces of the backup; its actions did not run",
        expect.stringMatching(new RegExp(`^pods ${f.ns}/${f.pods[0]}: pre-exec rule 'optional', sub-rule 2, action 1 \\(exit 2\\): exited with code 2`)),
      ]),
    );
    const b = await inspectBackup(store, p.backup.id, work);
    expect(b.manifest).toMatchObject({ phase: 'Completed', errorCount: 0 });
  });
});
