import type { JobProgressReport } from '#schema/agent/JobPayload';
import { JobFailure } from '../../../agent/src/jobs/JobFailure.ts';
import type { JobContext } from '../../../agent/src/jobs/JobRunner.ts';

/**
 * A job context as the JobRunner gives one, recording every progress report unthrottled. When `abortWhen`
 * holds for a report, the job is cancelled the way a user's cancel does it (a `JobFailure` as the reason).
 */
export function recordingContext(abortWhen?: (report: JobProgressReport) => boolean): {
  ctx: JobContext;
  reports: JobProgressReport[];
} {
  const controller = new AbortController();
  const reports: JobProgressReport[] = [];
  const ctx: JobContext = {
    jobId: 'job-1',
    signal: controller.signal,
    progress: (report) => {
      reports.push(report);
      if (abortWhen?.(report)) controller.abort(new JobFailure('cancelled by a user'));
    },
  };
  return { ctx, reports };
}
