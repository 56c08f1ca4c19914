/** A backup's errors or warnings, each as the agent wrote it; says so plainly when there are none. */
export function ProblemList({ title, items, tone }: { title: string; items: readonly string[]; tone: 'bad' | 'warn' }) {
  return (
    <section className={`problems problems-${tone}`} aria-label={title}>
      <h3>
        {title} <span className="count">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="subtle">None.</p>
      ) : (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
