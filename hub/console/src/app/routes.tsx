import { FleetPage } from '../fleet/FleetPage.tsx';
import type { RouteDefinition } from './RouteDefinition.ts';

/**
 * Every screen, in navigation order. A new screen is one entry here and a folder of its own under `src/`
 * (see hub/console/README.md).
 */
export const routes: readonly RouteDefinition[] = [{ path: '/fleet', nav: 'Fleet', render: () => <FleetPage /> }];

/** Where `/` and a fresh sign-in lead. */
export const homePath = '/fleet';
