import { type EntityManager, raw } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { type Scope, scopeFilterName } from './scopeFilter.ts';

/**
 * Rows whose namespaces the filter reads: a backup's spec, a schedule's template, a restore's target
 * namespaces, a job's subject.
 */
export type NamespacedKind = 'backup' | 'schedule' | 'restore' | 'job';

/**
 * Which namespaces a job of some kind reaches, so a reader narrowed to namespaces sees it only within them:
 * `none` (a location check: every reader of its cluster sees it), `every` (a catalog rebuild imports the
 * backups of all namespaces: no narrowed reader sees it), or those of the backup or restore it acts on.
 */
export type JobNamespaceReach = 'none' | 'every' | 'subjectBackup' | 'subjectRestore';

/**
 * Filter for rows that reach namespaces (backups, schedules, restores, jobs): a caller whose binding is narrowed to
 * namespace patterns sees only those whose namespaces are all within one of its grants (the grant's tenant
 * and clusters too), so a `shop-*` viewer sees the backup of `shop-a` but not a backup of every namespace.
 * It reads the `scope` filter's parameters and adds the per-grant condition, which the cluster scope filter
 * alone cannot express; lists, counts, lookups by id and subscriptions all load through it. Only reads are
 * filtered: every write is authorized on a row read first.
 */
export function namespaceScopeFilter(kind: NamespacedKind, jobReach: Readonly<Record<string, JobNamespaceReach>> = {}) {
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
          ...(g.namespaces.length > 0 ? within(kind, g.namespaces, postgres, jobReach) : {}),
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
function within(
  kind: NamespacedKind,
  patterns: readonly string[],
  postgres: boolean,
  jobReach: Readonly<Record<string, JobNamespaceReach>>,
) {
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
    case 'job': {
      // A job shows what its subject would (a backup's, its deletion's, a restore's), as its kind's reach says;
      // a kind reaching every namespace is within no narrowed grant.
      const ofReach = (reach: JobNamespaceReach) => Object.keys(jobReach).filter((k) => jobReach[k] === reach);
      const subjectWithin = (table: string, namespaces: string) => (a: string) =>
        ` and exists (select 1 from ${table} s where s.id = ${a}.subject_id and ${allMatch(namespaces)})`;
      const alternatives = [
        { kinds: ofReach('none'), subject: () => '', params: [] },
        { kinds: ofReach('subjectBackup'), subject: subjectWithin('backups', backupNamespaces('s')), params: like },
        { kinds: ofReach('subjectRestore'), subject: subjectWithin('restores', 's.target_namespaces'), params: like },
      ].filter((alternative) => alternative.kinds.length > 0);
      if (alternatives.length === 0) return { [raw('1 = 0')]: [] };
      const sql = (a: string) =>
        alternatives
          .map(({ kinds, subject }) => `(${a}.kind in (${kinds.map(() => '?').join(', ')})${subject(a)})`)
          .join(' or ');
      return { [raw((a: string) => `(${sql(a)})`, alternatives.flatMap((alt) => [...alt.kinds, ...alt.params]))]: [] };
    }
  }
}
