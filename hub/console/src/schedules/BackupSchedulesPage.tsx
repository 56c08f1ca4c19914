import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { RequireTenant } from '../ui/RequireTenant.tsx';
import { useMutation } from '../api/useMutation.ts';
import { useQuery } from '../api/useQuery.ts';
import { Page } from '../ui/Page.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { ErrorState } from '../states/ErrorState.tsx';
import { QueryView } from '../states/QueryView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import type { BackupSchedule, ScheduleLookups } from './BackupSchedule.ts';
import { CreateScheduleDialog } from './CreateScheduleDialog.tsx';
import {
  backupSchedulesQuery,
  deleteBackupScheduleMutation,
  resumeBackupScheduleMutation,
  schedulePageSize,
  type SchedulesData,
  suspendBackupScheduleMutation,
} from './scheduleOperations.ts';
import { ScheduleTable } from './ScheduleTable.tsx';

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
  const { tenantId, can } = useTenants();
  const query = useQuery(backupSchedulesQuery, { tenantId: tenantId ?? '' }, { skip: !tenantId, pollMs });
  const suspend = useMutation(suspendBackupScheduleMutation);
  const resume = useMutation(resumeBackupScheduleMutation);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<BackupSchedule | undefined>();
  const [togglingId, setTogglingId] = useState<string | undefined>();
  const canOperate = tenantId !== null && can('operator', tenantId);
  const data = query.state.status === 'ready' ? query.state.data : undefined;
  const createButton =
    canOperate && data ? (
      <button type="button" className="primary" onClick={() => setCreating(true)}>
        New schedule
      </button>
    ) : undefined;
  const toggle = async (run: typeof suspend.run | typeof resume.run, schedule: BackupSchedule) => {
    suspend.reset();
    resume.reset();
    setTogglingId(schedule.id);
    const done = await run({ id: schedule.id });
    setTogglingId(undefined);
    if (done) query.reload();
  };
  const toggleError =
    suspend.state.status === 'error'
      ? { error: suspend.state.error, title: 'The hub did not suspend the schedule' }
      : resume.state.status === 'error'
        ? { error: resume.state.error, title: 'The hub did not resume the schedule' }
        : undefined;

  return (
    <Page
      title="Backup schedules"
      description="Backups of a cluster taken when a schedule policy says, with the next runs and how the last one went."
      actions={createButton}
    >
      <RequireTenant what="backup schedules">
        {() => (
          <QueryView
            query={query}
            loading="Loading backup schedules"
            failed="Could not load the backup schedules"
            isEmpty={(d) => d.backupSchedules.edges.length === 0}
            empty={
              <EmptyState title="No backup schedules yet" action={createButton}>
                <p>A schedule backs up one cluster under a schedule policy, into a backup location.</p>
                {!canOperate && <p>Operators and admins of the tenant create them.</p>}
              </EmptyState>
            }
          >
            {(d) => (
              <>
                {toggleError && <ErrorState error={toggleError.error} title={toggleError.title} compact />}
                <ScheduleTable
                  schedules={d.backupSchedules.edges.map((e) => e.node)}
                  lookups={lookupsOf(d)}
                  now={Date.now()}
                  busyId={togglingId}
                  onSuspend={canOperate ? (s) => toggle(suspend.run, s) : undefined}
                  onResume={canOperate ? (s) => toggle(resume.run, s) : undefined}
                  onDelete={canOperate ? setDeleting : undefined}
                />
                {d.backupSchedules.totalCount > schedulePageSize && (
                  <p className="hint">
                    Showing the first {schedulePageSize} of {d.backupSchedules.totalCount} schedules, by name.
                  </p>
                )}
              </>
            )}
          </QueryView>
        )}
      </RequireTenant>
      {creating && data && (
        <CreateScheduleDialog lookups={lookupsOf(data)} onClose={() => setCreating(false)} onCreated={query.reload} />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete schedule ${deleting.name}?`}
          confirm="Delete schedule"
          failed="The hub did not delete the schedule"
          operation={deleteBackupScheduleMutation}
          variables={{ id: deleting.id }}
          onDone={query.reload}
          onClose={() => setDeleting(undefined)}
        >
          <p>It takes no more backups. The backups it took are kept until they expire.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
