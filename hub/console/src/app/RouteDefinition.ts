import type { ReactNode } from 'react';

/** One screen of the console: where it lives, whether the navigation lists it, and what it shows. */
export interface RouteDefinition {
  /** A `matchRoute` pattern: literal segments and `:name` parameters, e.g. `/backups/:id`. */
  path: string;
  /** The navigation's label; screens reached only through others (details) leave it out. */
  nav?: string;
  render(params: Record<string, string>): ReactNode;
}
