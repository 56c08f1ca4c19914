/** Fired on `window` after `navigate` changes the URL (the History API itself fires nothing on push). */
export const navigationEvent = 'fleetback:navigate';

/** Shows `path` (with its query string) without reloading the page; `replace` leaves no history entry. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(navigationEvent));
}
