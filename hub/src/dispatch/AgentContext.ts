import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '../logging/Logger.ts';
import type { AgentSession } from './AgentSession.ts';
import type { Dispatcher } from './Dispatcher.ts';

/**
 * What every agent-link resolver receives. `em` is scoped to the agent's own cluster by the same ORM filter
 * that scopes users, so an agent cannot load another cluster's jobs whatever a resolver forgets. Before
 * enrollment there is no session and only `enroll` may be called.
 */
export interface AgentContext {
  em: EntityManager;
  session: AgentSession | undefined;
  dispatcher: Dispatcher;
  logger: Logger;
}
