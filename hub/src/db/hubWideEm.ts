import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { scopeFilterName } from './scopeFilter.ts';

/** A fresh entity manager that sees every tenant, for work the hub does for itself (dispatch, scheduling). */
export function hubWideEm(orm: MikroORM): EntityManager {
  const em = orm.em.fork();
  em.setFilterParams(scopeFilterName, { all: true });
  return em;
}
