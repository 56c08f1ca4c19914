import type { JobProgressReport } from '#schema/agent/JobPayload';
import { parseJobStart, parseSettlement, parseStopAnswer } from '#schema/agent/jobAnswers';
import { type RestoreItemReport, restoreItemWireOf } from '#schema/agent/RestoreItemReport';
import type { HubLink } from '../link/HubLink.ts';
import type { JobChannel } from './JobChannel.ts';

/** The runner's job operations as agent-link mutations, their answers parsed where they enter. */
export class HubJobChannel implements JobChannel {
  constructor(private readonly link: HubLink) {}

  async ack(jobId: string) {
    return parseJobStart(await this.link.request('mutation($id: ID!) { ackJob(id: $id) { run reason } }', { id: jobId }));
  }

  async progress(jobId: string, progress: JobProgressReport) {
    const data = await this.link.request(
      'mutation($id: ID!, $p: JobProgressInput!) { reportProgress(id: $id, progress: $p) { stop reason } }',
      { id: jobId, p: progress },
    );
    return parseStopAnswer(data, 'reportProgress');
  }

  async restoreItems(jobId: string, attempt: number, items: readonly RestoreItemReport[]) {
    const data = await this.link.request(
      'mutation($id: ID!, $a: Int!, $i: [RestoreItemInput!]!) { reportRestoreItems(id: $id, attempt: $a, items: $i) { stop reason } }',
      { id: jobId, a: attempt, i: items.map(restoreItemWireOf) },
    );
    return parseStopAnswer(data, 'reportRestoreItems');
  }

  async complete(jobId: string, outcome: string | null) {
    const data = await this.link.request(
      'mutation($id: ID!, $o: String) { completeJob(id: $id, outcome: $o) { accepted } }',
      { id: jobId, o: outcome },
    );
    return parseSettlement(data, 'completeJob');
  }

  async fail(jobId: string, error: string) {
    const data = await this.link.request(
      'mutation($id: ID!, $e: String!) { failJob(id: $id, error: $e) { accepted } }',
      { id: jobId, e: error },
    );
    return parseSettlement(data, 'failJob');
  }
}
