import type { JobProgressReport } from '#schema/agent/JobPayload';
import { type RestoreItemReport, restoreItemWireOf } from '#schema/agent/RestoreItemReport';
import type { HubLink } from '../link/HubLink.ts';
import type { JobChannel } from './JobChannel.ts';

/** The runner's job operations as agent-link mutations. */
export class HubJobChannel implements JobChannel {
  constructor(private readonly link: HubLink) {}

  async ack(jobId: string) {
    const data = await this.link.request<{ ackJob: { run: boolean; reason: string | null } }>(
      'mutation($id: ID!) { ackJob(id: $id) { run reason } }',
      { id: jobId },
    );
    return data.ackJob;
  }

  async progress(jobId: string, progress: JobProgressReport) {
    const data = await this.link.request<{ reportProgress: { stop: boolean; reason: string | null } }>(
      'mutation($id: ID!, $p: JobProgressInput!) { reportProgress(id: $id, progress: $p) { stop reason } }',
      { id: jobId, p: progress },
    );
    return data.reportProgress;
  }

  async restoreItems(jobId: string, attempt: number, items: readonly RestoreItemReport[]) {
    const data = await this.link.request<{ reportRestoreItems: { stop: boolean; reason: string | null } }>(
      'mutation($id: ID!, $a: Int!, $i: [RestoreItemInput!]!) { reportRestoreItems(id: $id, attempt: $a, items: $i) { stop reason } }',
      { id: jobId, a: attempt, i: items.map(restoreItemWireOf) },
    );
    return data.reportRestoreItems;
  }

  async complete(jobId: string, outcome: string | null) {
    const data = await this.link.request<{ completeJob: { accepted: boolean } }>(
      'mutation($id: ID!, $o: String) { completeJob(id: $id, outcome: $o) { accepted } }',
      { id: jobId, o: outcome },
    );
    return data.completeJob;
  }

  async fail(jobId: string, error: string) {
    const data = await this.link.request<{ failJob: { accepted: boolean } }>(
      'mutation($id: ID!, $e: String!) { failJob(id: $id, error: $e) { accepted } }',
      { id: jobId, e: error },
    );
    return data.failJob;
  }
}
