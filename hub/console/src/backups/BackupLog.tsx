import { Badge, type BadgeTone } from '../ui/Badge.tsx';
import type { BackupDetail } from './BackupDetail.ts';
import type { BackupLogLineView } from './BackupLogLineView.ts';

const tones: Record<BackupLogLineView['level'], BadgeTone> = { info: 'info', warning: 'warn', error: 'bad' };

/**
 * A backup's log as its agent reported it: level, message and the object each line concerns; a rule's
 * lines open to show what its action printed. Says where the whole log is when the report was cut.
 */
export function BackupLog({ backup }: { backup: BackupDetail }) {
  const { log: lines, logTruncated: truncated } = backup;
  const whole = (
    <>
      The whole log is <code>backups/{backup.id}/log.jsonl</code> in the backup’s location.
    </>
  );
  if (!backup.result) return <p className="subtle">Reported when the backup ends.</p>;
  if (backup.phase === 'Failed') return <p className="subtle">A failed backup keeps no log: see its errors above.</p>;
  if (lines.length === 0) {
    return <p className="subtle">{truncated ? <>The log is too long to show here. {whole}</> : 'Nothing was logged.'}</p>;
  }
  return (
    <>
      <ol className="backup-log" aria-label="Log lines">
        {lines.map((line, i) => (
          <li key={i} className={`backup-log-line backup-log-${line.level}`}>
            <Badge tone={tones[line.level]}>{line.level}</Badge>
            {line.hook ? <RuleLine line={line} /> : <Summary line={line} />}
          </li>
        ))}
      </ol>
      {truncated && <p className="hint backup-log-truncated">Only the first {lines.length} lines are shown. {whole}</p>}
    </>
  );
}

function Summary({ line }: { line: BackupLogLineView }) {
  const object = objectOf(line);
  return (
    <span className="backup-log-text">
      <span className="backup-log-message">{line.message}</span>
      {object && <span className="subtle backup-log-object">{object}</span>}
    </span>
  );
}

/** A rule's line: the summary, and what the action printed on opening it. */
function RuleLine({ line }: { line: BackupLogLineView }) {
  const printed = line.stdout !== null || line.stderr !== null;
  return (
    <details className="backup-log-rule">
      <summary>
        <Summary line={line} />
        <span className="subtle">
          {' '}
          {line.hook}-exec rule {line.ruleName}
          {line.container ? `, container ${line.container}` : ''}
          {line.exitCode === null ? '' : `, exit code ${line.exitCode}`}
        </span>
      </summary>
      {printed ? (
        <>
          {line.stdout !== null && (
            <>
              <h4>stdout</h4>
              <pre>{line.stdout}</pre>
            </>
          )}
          {line.stderr !== null && (
            <>
              <h4>stderr</h4>
              <pre>{line.stderr}</pre>
            </>
          )}
        </>
      ) : (
        <p className="subtle">It printed nothing.</p>
      )}
    </details>
  );
}

/** `namespace/name` of the object a line concerns, with its type, or null when it concerns none. */
function objectOf({ resource, namespace, name }: BackupLogLineView): string | null {
  const object = [namespace, name].filter(Boolean).join('/');
  if (!resource && !object) return null;
  return [resource, object].filter(Boolean).join(' ');
}
