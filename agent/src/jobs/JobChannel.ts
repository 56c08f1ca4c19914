import type { JobProgressReport } from '#schema/agent/JobPayload';
import type { RestoreItemReport } from '#schema/agent/RestoreItemReport';

/** The job operations of the agent link, as the runner uses them (`HubJobChannel` sends them to the hub). */
export interface JobChannel {
  ack(jobId: string): Promise<{ run: boolean; reason: string | null }>;
  progress(jobId: string, progress: JobProgressReport): Promise<{ stop: boolean; reason: string | null }>;
  /** Records a batch of a restore's items for delivery `attempt`; resending a batch stores nothing twice. */
  restoreItems(
    jobId: string,
    attempt: number,
    items: readonly RestoreItemReport[],
  ): Promise<{ stop: boolean; reason: string | null }>;
  complete(jobId: string, outcome: string | null): Promise<{ accepted: boolean }>;
  fail(jobId: string, error: string): Promise<{ accepted: boolean }>;
}

/** A job as offered on the link. */
export interface JobOffer {
  jobId: string;
  attempt: number;
  payload: string | null;
}
