import { useSyncExternalStore } from 'react';
import { navigationEvent } from './navigate.ts';

export interface AppLocation {
  pathname: string;
  search: URLSearchParams;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query, re-rendering on `navigate`, back and forward. */
export function useLocation(): AppLocation {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, 'http://console');
  return { pathname: url.pathname, search: url.searchParams };
}
