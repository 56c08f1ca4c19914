import { ApplicationPage } from '../applications/ApplicationPage.tsx';
import { ApplicationsPage } from '../applications/ApplicationsPage.tsx';
import { BackupPage } from '../backups/BackupPage.tsx';
import { BackupsPage } from '../backups/BackupsPage.tsx';
import { FleetPage } from '../fleet/FleetPage.tsx';
import { RestorePage } from '../restores/RestorePage.tsx';
import { RestoresPage } from '../restores/RestoresPage.tsx';
import { RestoreWizardPage } from '../restores/RestoreWizardPage.tsx';
import { AccessPage } from '../access/AccessPage.tsx';
import { CredentialsPage } from '../credentials/CredentialsPage.tsx';
import { LocationsPage } from '../locations/LocationsPage.tsx';
import { SchedulePoliciesPage } from '../policies/SchedulePoliciesPage.tsx';
import { RulesPage } from '../rules/RulesPage.tsx';
import { BackupSchedulesPage } from '../schedules/BackupSchedulesPage.tsx';
import type { RouteDefinition } from './RouteDefinition.ts';

/**
 * Every screen, in navigation order. A new screen is one entry here and a folder of its own under `src/`
 * (see hub/console/README.md).
 */
export const routes: readonly RouteDefinition[] = [
  { path: '/fleet', nav: 'Fleet', render: () => <FleetPage /> },
  { path: '/applications', nav: 'Applications', render: () => <ApplicationsPage /> },
  { path: '/applications/:clusterId', render: ({ clusterId }) => <ApplicationPage clusterId={clusterId as string} /> },
  { path: '/backups', nav: 'Backups', render: () => <BackupsPage /> },
  { path: '/backups/:id', render: ({ id }) => <BackupPage id={id as string} /> },
  { path: '/restores', nav: 'Restores', render: () => <RestoresPage /> },
  { path: '/restores/new', render: () => <RestoreWizardPage /> },
  { path: '/restores/:id', render: ({ id }) => <RestorePage id={id as string} /> },
  { path: '/schedules', nav: 'Schedules', render: () => <BackupSchedulesPage /> },
  { path: '/policies', nav: 'Schedule policies', render: () => <SchedulePoliciesPage /> },
  { path: '/rules', nav: 'Rules', render: () => <RulesPage /> },
  { path: '/locations', nav: 'Backup locations', render: () => <LocationsPage /> },
  { path: '/credentials', nav: 'Credentials', render: () => <CredentialsPage /> },
  { path: '/access', nav: 'Access', render: () => <AccessPage /> },
];

/** Where `/` and a fresh sign-in lead. */
export const homePath = '/fleet';
