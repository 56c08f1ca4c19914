import { type BackupProblemView, problemObject } from './BackupProblemView.ts';

/**
 * A backup's errors or warnings, each with the object it concerns apart from what the agent said of it; says so
 * plainly when there are none.
 */
export function ProblemList({ title, items, tone }: { title: string; items: readonly BackupProblemView[]; tone: 'bad' | 'warn' }) {
  return (
    <section className={`problems problems-${tone}`} aria-label={title}>
      <h3>
        {title} <span className="count">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="subtle">None.</p>
      ) : (
        <ul>
          {items.map((item, i) => {
            const object = problemObject(item);
            return (
              <li key={i} data-type={item.type ?? undefined} data-namespace={item.namespace ?? undefined} data-name={item.name ?? undefined}>
                {object !== null && <code className="problem-object">{object}</code>} {item.message}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
