const units = [
  { symbol: 'd', seconds: 86_400, word: 'day' },
  { symbol: 'h', seconds: 3_600, word: 'hour' },
  { symbol: 'm', seconds: 60, word: 'minute' },
  { symbol: 's', seconds: 1, word: 'second' },
] as const;

function parts(totalSeconds: number): { amount: number; unit: (typeof units)[number] }[] {
  let rest = Math.max(0, Math.round(totalSeconds));
  const out: { amount: number; unit: (typeof units)[number] }[] = [];
  for (const unit of units) {
    const amount = Math.floor(rest / unit.seconds);
    rest -= amount * unit.seconds;
    if (amount > 0) out.push({ amount, unit });
  }
  return out;
}

/** Seconds as the API's duration text, largest unit first: 2592000 → `30d`, 5400 → `1h30m`, 0 → `0s`. */
export function durationText(seconds: number): string {
  const list = parts(seconds);
  return list.length ? list.map((p) => `${p.amount}${p.unit.symbol}`).join('') : '0s';
}

/** Seconds in words: 2592000 → "30 days", 5400 → "1 hour 30 minutes". */
export function durationWords(seconds: number): string {
  const list = parts(seconds);
  if (!list.length) return '0 seconds';
  return list.map((p) => `${p.amount} ${p.unit.word}${p.amount === 1 ? '' : 's'}`).join(' ');
}
