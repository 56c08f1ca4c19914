/**
 * How many of a total are done, as a bar with the numbers beside it. Without a total yet (the plan is still
 * being read), the bar is indeterminate.
 */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  return (
    <div className="progress">
      {total > 0 ? (
        <progress aria-label={label} max={total} value={done} />
      ) : (
        <progress aria-label={label} />
      )}
      <span className="progress-text">
        {total > 0 ? `${done} of ${total} items (${percent} %)` : 'counting the items…'}
      </span>
    </div>
  );
}
