import { useState } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { describeSchedule } from '../policies/describeSchedule.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { SettingsPage } from '../ui/SettingsPage.tsx';
import type { TableColumn } from '../ui/DataTable.tsx';
import type { BackupSchedule, ScheduleLookups } from './BackupSchedule.ts';
import { CreateScheduleDialog } from './CreateScheduleDialog.tsx';
import { LastRunCell } from './LastRunCell.tsx';
import { RunTimesCell } from './RunTimesCell.tsx';
import {
  deleteBackupScheduleMutation,
  lookupsOf,
  resumeBackupScheduleMutation,
  scheduleList,
  suspendBackupScheduleMutation,
} from './scheduleOperations.ts';

/** Run times pass and the scheduler records runs without events the API streams: read again this often. */
const pollMs = 30_000;

/** A tenant's backup schedules: next run times, last run, missed runs; create, suspend, resume, delete. */
export function BackupSchedulesPage() {
  const suspend = useMutation(suspendBackupScheduleMutation);
  const resume = useMutation(resumeBackupScheduleMutation);
  const [togglingId, setTogglingId] = useState<string | undefined>();
  const toggle = async (run: (variables: { id: string }) => Promise<unknown>, schedule: BackupSchedule, reload: () => void) => {
    suspend.reset();
    resume.reset();
    setTogglingId(schedule.id);
    const done = await run({ id: schedule.id });
    setTogglingId(undefined);
    if (done) reload();
  };
  const toggleError =
    suspend.state.status === 'error'
      ? { error: suspend.state.error, title: 'The hub did not suspend the schedule' }
      : resume.state.status === 'error'
        ? { error: resume.state.error, title: 'The hub did not resume the schedule' }
        : undefined;

  return (
    <SettingsPage
      title="Backup schedules"
      noun="schedule"
      description="Backups of a cluster taken when a schedule policy says, with the next runs and how the last one went."
      list={scheduleList}
      pollMs={pollMs}
      empty={<p>A schedule backs up one cluster under a schedule policy, into a backup location.</p>}
      form={{ role: 'operator', creator: CreateScheduleDialog }}
      notice={toggleError && <ErrorState error={toggleError.error} title={toggleError.title} compact />}
      about={(schedule, data) => <Template schedule={schedule} lookups={lookupsOf(data)} />}
      columns={(data) => scheduleColumns(lookupsOf(data), Date.now())}
      warn={(s) => Boolean(s.lastRunError)}
      actions={[
        {
          label: 'Resume',
          role: 'operator',
          offered: (s) => s.suspended,
          disabled: (s) => togglingId === s.id,
          run: (s, { reload }) => void toggle(resume.run, s, reload),
        },
        {
          label: 'Suspend',
          role: 'operator',
          offered: (s) => !s.suspended,
          disabled: (s) => togglingId === s.id,
          run: (s, { reload }) => void toggle(suspend.run, s, reload),
        },
      ]}
      remove={{
        role: 'operator',
        operation: deleteBackupScheduleMutation,
        explain: <p>It takes no more backups. The backups it took are kept until they expire.</p>,
      }}
    />
  );
}

/** Cluster, policy, next runs and last run. */
function scheduleColumns(lookups: ScheduleLookups, now: number): TableColumn<BackupSchedule>[] {
  return [
    { header: 'Cluster', cell: (schedule) => nameOf(lookups.clusters, schedule.clusterId) },
    {
      header: 'Policy',
      cell: (schedule) => {
        const policy = lookups.policies.find((p) => p.id === schedule.policyId);
        return (
          <div className="cell-stack">
            <span>{policy?.name ?? 'unknown'}</span>
            {policy && <span className="subtle">{describeSchedule(policy.spec)}</span>}
          </div>
        );
      },
    },
    { header: 'Next runs', cell: (schedule) => <RunTimesCell schedule={schedule} now={now} /> },
    { header: 'Last run', cell: (schedule) => <LastRunCell schedule={schedule} now={now} /> },
  ];
}

const nameOf = (list: readonly { id: string; name: string }[], id: string | null) =>
  id ? (list.find((x) => x.id === id)?.name ?? 'unknown') : undefined;

/** What a schedule backs up, where to, and the rules around each run, in words. */
function Template({ schedule, lookups }: { schedule: BackupSchedule; lookups: ScheduleLookups }) {
  const t = schedule.template;
  const pre = nameOf(lookups.rules, t.preRuleId);
  const post = nameOf(lookups.rules, t.postRuleId);
  return (
    <span className="subtle">
      to {nameOf(lookups.locations, t.locationId)}
      {t.includeNamespaces.length ? ` · namespaces ${t.includeNamespaces.join(', ')}` : ' · all namespaces'}
      {t.excludeNamespaces.length ? ` except ${t.excludeNamespaces.join(', ')}` : ''}
      {t.labelSelectors.length ? ` · selectors ${t.labelSelectors.join(' | ')}` : ''}
      {pre ? ` · before: ${pre}` : ''}
      {post ? ` · after: ${post}` : ''}
    </span>
  );
}
