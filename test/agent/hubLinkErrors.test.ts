import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createWebSocketClass } from '../../agent/src/link/createWebSocketClass.ts';
import { HubLink } from '../../agent/src/link/HubLink.ts';
import { HubRequestError } from '../../agent/src/link/HubRequestError.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';

// A request the hub refuses before running it (here: a field the agent schema does not have) comes back from
// graphql-ws as a bare list of errors. It is an answer, not a broken link, so it must reject as a
// HubRequestError with its code; the job runner used to retry it forever as a link failure.
const world = inject('world');
let hub: TestHub;
let link: HubLink;

beforeAll(async () => {
  hub = await startTestHub({ database: 'sqlite', world });
  const hubUrl = new URL(hub.url);
  link = new HubLink({
    hubUrl,
    agentVersion: 'test',
    credential: () => undefined,
    webSocketImpl: createWebSocketClass(hubUrl, { env: {} }),
    logger: pino({ level: 'silent' }),
    onFatal: () => {},
  });
});

afterAll(async () => {
  link?.close();
  await hub?.stop();
});

describe('the agent link', () => {
  it('rejects a request the hub refuses before running it with a HubRequestError carrying the code', async () => {
    const failure = await link.request('{ noSuchField }').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HubRequestError);
    // The hub reports invalid operations as BAD_USER_INPUT (see hub/src/graphql/formatError.ts).
    expect(failure).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((failure as Error).message).toMatch(/noSuchField/);
  });
});
