import { type EntityManager, raw } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { type Scope, scopeFilterName } from './scopeFilter.ts';

/**
 * Rows whose namespaces the filter reads: a backup's spec, a schedule's template, a restore's target
 * namespaces, a job's subject.
 */
export type NamespacedKind = 'backup' | 'schedule' | 'restore' | 'job';

/**
 * Filter for rows that reach namespaces (backups, schedules, restores, jobs): a caller whose binding is narrowed to
 * namespace patterns sees only those whose namespaces are all within one of its grants (the grant's tenant
 * and clusters too), so a `shop-*` viewer sees the backup of `shop-a` but not a backup of every namespace.
 * It reads the `scope` filter's parameters and adds the per-grant condition, which the cluster scope filter
 * alone cannot express; lists, counts, lookups by id and subscriptions all load through it. Only reads are
 * filtered: every write is authorized on a row read first.
 */
export function namespaceScopeFilter(kind: NamespacedKind) {
  return {
    name: 'namespaceScope',
    default: true,
    args: false,
    cond: (_args: unknown, type: string, em: EntityManager) => {
      const scope = em.getFilterParams<Scope>(scopeFilterName) as Scope | undefined;
      if (type !== 'read' || !scope || scope.all) return {};
      const grants = scope.grants ?? [];
      if (!grants.some((g) => g.namespaces.length > 0)) return {};
      const postgres = em.getPlatform() instanceof PostgreSqlPlatform;
      return {
        $or: grants.map((g) => ({
          tenantId: g.tenantId,
          ...(g.clusterIds.length > 0 ? { clusterId: { $in: g.clusterIds } } : {}),
          ...(g.namespaces.length > 0 ? within(kind, g.namespaces, postgres) : {}),
        })),
      };
    },
  };
}

/** Patterns as SQL LIKE patterns: `*` is `%`; `%`, `_` and `\` (never in a valid pattern) stay literal. */
function likePatterns(patterns: readonly string[]): string[] {
  return patterns.map((p) => p.replace(/[\\%_]/g, '\\$&').replace(/\*/g, '%'));
}

/**
 * The SQL condition "every namespace of the row matches one of `patterns`". A row's namespace that is itself a
 * pattern (`shop-*`, or `*` for all) is matched as a literal name, as `namespaceMatches` does, so `*` is
 * within no narrowed grant.
 */
function within(kind: NamespacedKind, patterns: readonly string[], postgres: boolean) {
  const like = likePatterns(patterns);
  const anyLike = (column: string) => like.map(() => `${column} like ? escape '\\'`).join(' or ');
  const elements = (json: string) =>
    postgres ? `jsonb_array_elements_text(${json}) as e(value)` : `json_each(${json}) as e`;
  const allMatch = (json: string) =>
    `(exists (select 1 from ${elements(json)}) and not exists (select 1 from ${elements(json)} where not (${anyLike('e.value')})))`;
  const includeNamespaces = (column: string) =>
    postgres ? `${column} -> 'includeNamespaces'` : `${column}, '$.includeNamespaces'`;
  const backupNamespaces = (alias: string) => includeNamespaces(`${alias}.spec`);
  switch (kind) {
    case 'backup':
      return { [raw((a: string) => allMatch(backupNamespaces(a)), [...like])]: [] };
    case 'schedule':
      return { [raw((a: string) => allMatch(includeNamespaces(`${a}.template`)), [...like])]: [] };
    case 'restore':
      return { [raw((a: string) => allMatch(`${a}.target_namespaces`), [...like])]: [] };
    case 'job':
      // A job shows what its subject would: a backup's (and its deletion's), a restore's. A location check
      // reaches no namespace; a catalog rebuild imports the backups of every namespace, so no narrowed grant
      // covers it.
      return {
        [raw(
          (a: string) =>
            `(${a}.kind = 'validateLocation'` +
            ` or (${a}.kind in ('backup', 'deleteBackup') and exists (select 1 from backups b where b.id = ${a}.subject_id and ${allMatch(backupNamespaces('b'))}))` +
            ` or (${a}.kind = 'restore' and exists (select 1 from restores r where r.id = ${a}.subject_id and ${allMatch('r.target_namespaces')})))`,
          [...like, ...like],
        )]: [],
      };
  }
}
