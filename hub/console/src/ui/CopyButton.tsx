import { useState } from 'react';

/** Copies `text` to the clipboard and says so; where the browser refuses, asks the user to copy by hand. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [result, setResult] = useState<'copied' | 'failed' | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {result === 'copied' ? 'Copied' : result === 'failed' ? 'Select the text and copy it by hand' : ''}
      </span>
    </span>
  );
}
