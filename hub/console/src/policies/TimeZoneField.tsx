import { useId, useMemo } from 'react';
import { Field } from '../ui/Field.tsx';

/** The browser's own zone, the default for a new policy: people plan backups in the time they live in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An IANA time zone, typed with suggestions from the browser's list; blank means UTC. */
export function TimeZoneField({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const listId = useId();
  const zones = useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')], []);
  return (
    <Field label="Time zone" hint={<>An IANA zone like <code>Europe/Berlin</code>; daylight saving time is followed.</>}>
      {(control) => (
        <>
          <input
            {...control}
            value={value}
            list={listId}
            onChange={(event) => onChange(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <datalist id={listId}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
