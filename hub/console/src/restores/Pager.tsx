export interface PagerProps {
  /** Names the navigation landmark, e.g. "Item pages". */
  label: string;
  from: number;
  to: number;
  total: number;
  /** Absent on the first page. */
  onPrevious?: () => void;
  /** Absent on the last page. */
  onNext?: () => void;
}

/** "41–50 of 120" with Previous and Next, for lists read a page at a time by cursor. */
export function Pager({ label, from, to, total, onPrevious, onNext }: PagerProps) {
  if (!onPrevious && !onNext) {
    return total > 0 ? <p className="hint pager-text">{total === 1 ? '1 in all' : `All ${total}`}</p> : null;
  }
  return (
    <nav className="pager" aria-label={label}>
      <span className="pager-text">
        {from}–{to} of {total}
      </span>
      <button type="button" onClick={onPrevious} disabled={!onPrevious}>
        Previous
      </button>
      <button type="button" onClick={onNext} disabled={!onNext}>
        Next
      </button>
    </nav>
  );
}
