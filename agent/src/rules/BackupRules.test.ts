import { describe, expect, it } from 'vitest';
import type { ResolvedRule } from '#schema/agent/JobPayload';
import { parseRuleSpec } from '#schema/contracts/RuleSpec';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { KubeJson } from '../kube/KubeJsonClient.ts';
import { BackupRules } from './BackupRules.ts';
import type { ExecEnd, ExecRequest, PodExec } from './PodExec.ts';

// The decisions of the rule stage, against a cluster and an exec API played by fakes: which failures stop
// the backup, which are warnings, and that the post-exec rule runs whatever happened. The real exec API is
// exercised in test/agent/rules.

const pods = ['db-0', 'db-1'].map((name) => ({
  metadata: { namespace: 'shop', name, labels: { app: 'db' } },
  spec: { containers: [{ name: 'db' }] },
  status: { phase: 'Running' },
}));

/** Answers pod lists for `app=db` with the two pods above, and nothing for any other selector. */
const kube: KubeJson = {
  get: async <T>(_path: string, query?: Record<string, unknown>) =>
    ({ items: query?.labelSelector === 'app=db' ? pods : [], metadata: {} }) as T,
};

/**
 * Runs `sh -c <command>` as scripted: `exit N` exits with N; `hold` runs until stopped and then exits 0;
 * `hold-then-fail` runs and fails a moment after starting; anything else exits 0. Records what ran where.
 */
class FakeExec implements PodExec {
  readonly ran: string[] = [];

  async run(request: ExecRequest): Promise<ExecEnd> {
    const command = request.argv.at(-1) ?? '';
    this.ran.push(`${request.pod}: ${command}`);
    request.onStarted?.();
    if (command === 'hold') {
      await new Promise((resolve) => request.signal.addEventListener('abort', resolve, { once: true }));
      return { kind: 'exited', exitCode: 0 };
    }
    if (command === 'hold-then-fail') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      request.stderr.write('lock lost\n');
      return { kind: 'exited', exitCode: 1 };
    }
    const code = /^exit (\d+)$/.exec(command)?.[1];
    return { kind: 'exited', exitCode: code ? Number(code) : 0 };
  }
}

const rule = (name: string, subRules: unknown[]): ResolvedRule => ({
  id: `id-${name}`,
  name,
  spec: parseRuleSpec({ version: 1, subRules }),
});
const onDb = (...actions: Record<string, unknown>[]) => ({ podSelectors: ['app=db'], actions });
const noSignal = new AbortController().signal;

/** The stage over the fakes; `exec: null` plays an agent without exec access. */
function stage(rules: { preRule?: ResolvedRule; postRule?: ResolvedRule }, exec: PodExec | null = new FakeExec()) {
  const progress: string[] = [];
  const deps = { kube, exec: exec ?? undefined };
  const stage = new BackupRules(deps, { preRule: rules.preRule ?? null, postRule: rules.postRule ?? null }, ['shop'], (m) =>
    progress.push(m),
  );
  return { stage, progress };
}

describe('BackupRules', () => {
  it('stops the pre-exec rule at a failed action, fails the backup, and still runs the post-exec rule', async () => {
    const exec = new FakeExec();
    const { stage: rules } = stage(
      {
        preRule: rule('pre', [onDb({ command: 'exit 3', runInSinglePod: true }, { command: 'never' })]),
        postRule: rule('post', [onDb({ command: 'unlock', runInSinglePod: true })]),
      },
      exec,
    );
    await expect(rules.runPre(noSignal)).rejects.toThrow(
      new JobFailure(
        "nothing was backed up: pre-exec rule 'pre', sub-rule 1, action 1 (exit 3), " +
          'in pod shop/db-0 (container db): exited with code 3',
      ),
    );
    await rules.finish();
    expect(exec.ran).toEqual(['db-0: exit 3', 'db-0: unlock']);
    expect(rules.preLog.map((l) => l.level)).toEqual(['error']);
    expect(rules.postLog.map((l) => [l.level, l.name])).toEqual([['info', 'db-0']]);
  });

  it('goes on past an action that may fail and a sub-rule without pods, as warnings', async () => {
    const exec = new FakeExec();
    const { stage: rules } = stage(
      {
        preRule: rule('pre', [
          { podSelectors: ['app=gone'], actions: [{ command: 'never' }] },
          onDb({ command: 'exit 1', continueOnFailure: true }, { command: 'next' }),
        ]),
      },
      exec,
    );
    await rules.runPre(noSignal);
    expect(exec.ran).toEqual(['db-0: exit 1', 'db-1: exit 1', 'db-0: next', 'db-1: next']);
    expect(rules.preLog.map((l) => [l.level, l.name ?? '', l.rule?.subRule, l.rule?.action])).toEqual([
      ['warning', '', 1, undefined],
      ['warning', 'db-0', 2, 1],
      ['warning', 'db-1', 2, 1],
      ['info', 'db-0', 2, 2],
      ['info', 'db-1', 2, 2],
    ]);
  });

  it('keeps background actions running until finish(), then stops them before the post-exec rule', async () => {
    const exec = new FakeExec();
    const { stage: rules } = stage(
      {
        preRule: rule('pre', [onDb({ command: 'hold', background: true })]),
        postRule: rule('post', [onDb({ command: 'after', runInSinglePod: true })]),
      },
      exec,
    );
    await rules.runPre(noSignal);
    expect(rules.preLog).toEqual([]);
    await rules.finish();
    expect(rules.lost.aborted).toBe(false);
    expect(rules.preLog.map((l) => [l.level, l.message.replace(/running [\d.]+ s/, 'running …')])).toEqual(
      ['db-0', 'db-1'].map(() => [
        'info',
        "pre-exec rule 'pre', sub-rule 1, action 1 (hold): was stopped when the backup ended, and exited with code 0 after running …",
      ]),
    );
    expect(exec.ran.at(-1)).toBe('db-0: after');
  });

  it('aborts lost when a background action fails before the backup ends', async () => {
    const { stage: rules } = stage({ preRule: rule('pre', [onDb({ command: 'hold-then-fail', background: true, runInSinglePod: true })]) });
    await rules.runPre(noSignal);
    await new Promise((resolve) => rules.lost.addEventListener('abort', resolve, { once: true }));
    expect(rules.lost.reason).toEqual(
      new JobFailure(
        "pre-exec rule 'pre', sub-rule 1, action 1 (hold-then-fail), in pod shop/db-0 (container db): the background action " +
          'exited with code 1 before the backup ended; stderr: lock lost',
      ),
    );
    await rules.finish();
  });

  it('lists the post-exec rule’s errors, for a backup that fails or ends PartiallyFailed', async () => {
    const { stage: rules } = stage({ postRule: rule('post', [onDb({ command: 'exit 4' })]) });
    await rules.runPre(noSignal);
    await rules.finish();
    expect(rules.postLog.map((l) => l.level)).toEqual(['error', 'error']);
    expect(rules.postFailures()).toMatch(
      /^the post-exec rule failed as well: post-exec rule 'post', sub-rule 1, action 1 \(exit 4\): exited with code 4 after [\d.]+ s \(and 1 more error\(s\)\)$/,
    );
  });

  it('stops the pre-exec rule when the job is cancelled', async () => {
    const { stage: rules } = stage({ preRule: rule('pre', [onDb({ command: 'anything' })]) });
    const cancel = new AbortController();
    cancel.abort(new JobFailure('cancelled by a user'));
    await expect(rules.runPre(cancel.signal)).rejects.toThrow('cancelled by a user');
  });

  it('fails a backup with rules when the agent cannot exec', async () => {
    const { stage: rules } = stage({ preRule: rule('pre', [onDb({ command: 'x' })]) }, null);
    await expect(rules.runPre(noSignal)).rejects.toThrow(
      "rule 'pre' cannot run: this agent was started without access to the exec API",
    );
  });
});
