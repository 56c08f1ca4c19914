import { useState } from 'react';

/** How many of a long list of warnings or errors show before "Show all". */
const shown = 10;

/** A restore's warnings or errors, the first few at once and the rest on request. */
export function MessageList({ title, messages, tone }: { title: string; messages: readonly string[]; tone: 'warn' | 'bad' }) {
  const [all, setAll] = useState(false);
  if (messages.length === 0) return null;
  const visible = all ? messages : messages.slice(0, shown);
  return (
    <div className={`message-list message-list-${tone}`}>
      <h3>
        {title} ({messages.length})
      </h3>
      <ul>
        {visible.map((message, i) => (
          <li key={i}>{message}</li>
        ))}
      </ul>
      {messages.length > shown && (
        <button type="button" onClick={() => setAll((a) => !a)}>
          {all ? 'Show fewer' : `Show all ${messages.length}`}
        </button>
      )}
    </div>
  );
}
