import { useMemo } from 'react';
import { TextField } from '../ui/TextField.tsx';

/** The browser's own zone, the default for a new policy: people plan backups in the time they live in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An IANA time zone, typed with suggestions from the browser's list; blank means UTC. */
export function TimeZoneField({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const zones = useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')].map((z) => ({ value: z })), []);
  return (
    <TextField
      label="Time zone"
      hint={<>An IANA zone like <code>Europe/Berlin</code>; daylight saving time is followed.</>}
      suggestions={zones}
      value={value}
      onChange={onChange}
    />
  );
}
