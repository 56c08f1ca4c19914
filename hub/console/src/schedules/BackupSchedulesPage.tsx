import { useState } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { describeSchedule } from '../policies/describeSchedule.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { SettingsPage } from '../ui/SettingsPage.tsx';
import type { SettingsColumn } from '../ui/SettingsTable.tsx';
import type { BackupSchedule, ScheduleLookups } from './BackupSchedule.ts';
import { CreateScheduleDialog } from './CreateScheduleDialog.tsx';
import { LastRunCell } from './LastRunCell.tsx';
import { RunTimesCell } from './RunTimesCell.tsx';
import {
  backupSchedulesQuery,
  deleteBackupScheduleMutation,
  resumeBackupScheduleMutation,
  schedulePageSize,
  type SchedulesData,
  suspendBackupScheduleMutation,
} from './scheduleOperations.ts';

/** Run times pass and the scheduler records runs without events the API streams: read again this often. */
const pollMs = 30_000;

function lookupsOf(data: SchedulesData): ScheduleLookups {
  return {
    clusters: data.clusters.edges.map((e) => e.node),
    policies: data.schedulePolicies.edges.map((e) => e.node),
    locations: data.backupLocations.edges.map((e) => e.node),
    rules: data.rules.edges.map((e) => e.node),
  };
}

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
      description="Backups of a cluster taken when a schedule policy says, with the next runs and how the last one went."
      query={backupSchedulesQuery}
      pollMs={pollMs}
      list={(data) => data.backupSchedules}
      pageSize={schedulePageSize}
      empty={{
        text: <p>A schedule backs up one cluster under a schedule policy, into a backup location.</p>,
        others: 'Operators and admins of the tenant create them.',
      }}
      form={{
        label: 'New schedule',
        role: 'operator',
        needsData: true,
        creator: ({ data, reload, close }) =>
          data && <CreateScheduleDialog lookups={lookupsOf(data)} onClose={close} onCreated={reload} />,
      }}
      notice={toggleError && <ErrorState error={toggleError.error} title={toggleError.title} compact />}
      columns={(data) => scheduleColumns(lookupsOf(data), Date.now())}
      rowProps={(s) => ({ 'data-schedule': s.name, ...(s.lastRunError ? { className: 'row-warn' } : {}) })}
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
        noun: 'schedule',
        role: 'operator',
        operation: deleteBackupScheduleMutation,
        explain: <p>It takes no more backups. The backups it took are kept until they expire.</p>,
      }}
    />
  );
}

/** Cluster, policy, next runs and last run, with what each schedule writes where in words under its name. */
function scheduleColumns(
  lookups: ScheduleLookups,
  now: number,
): readonly [SettingsColumn<BackupSchedule>, ...SettingsColumn<BackupSchedule>[]] {
  const name = <T extends { id: string; name: string }>(list: readonly T[], id: string | null) =>
    id ? (list.find((x) => x.id === id)?.name ?? 'unknown') : undefined;
  return [
    {
      header: 'Schedule',
      cell: (schedule) => {
        const t = schedule.template;
        const pre = name(lookups.rules, t.preRuleId);
        const post = name(lookups.rules, t.postRuleId);
        return (
          <div className="cell-stack">
            <span className="row-name">{schedule.name}</span>
            <span className="subtle">
              to {name(lookups.locations, t.locationId)}
              {t.includeNamespaces.length ? ` · namespaces ${t.includeNamespaces.join(', ')}` : ' · all namespaces'}
              {t.excludeNamespaces.length ? ` except ${t.excludeNamespaces.join(', ')}` : ''}
              {t.labelSelectors.length ? ` · selectors ${t.labelSelectors.join(' | ')}` : ''}
              {pre ? ` · before: ${pre}` : ''}
              {post ? ` · after: ${post}` : ''}
            </span>
          </div>
        );
      },
    },
    { header: 'Cluster', cell: (schedule) => name(lookups.clusters, schedule.clusterId) },
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
