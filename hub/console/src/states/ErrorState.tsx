import type { ApiError } from '../api/ApiError.ts';
import { errorAdvice } from '../api/errorAdvice.ts';

export interface ErrorStateProps {
  error: ApiError;
  /** What failed, e.g. "Could not load the clusters". */
  title?: string;
  onRetry?: () => void;
  /** Smaller, for errors inside a form or beside data still shown. */
  compact?: boolean;
}

/** An API error as a person needs it: the API's own message, its code, and what to do. */
export function ErrorState({ error, title = 'Something went wrong', onRetry, compact }: ErrorStateProps) {
  return (
    <div className={`state state-error${compact ? ' compact' : ''}`} role="alert">
      <p className="state-title">
        <strong>{title}</strong> <code className="error-code">{error.code}</code>
      </p>
      <p className="error-message">{error.message}</p>
      <p className="error-advice">{errorAdvice(error.code)}</p>
      {onRetry && (
        <div className="state-actions">
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
    </div>
  );
}
