import { AdminTokenEntity } from '../access/AdminTokenEntity.ts';
import { ApiTokenEntity } from '../access/ApiTokenEntity.ts';
import { RoleBindingEntity } from '../access/RoleBindingEntity.ts';
import { UserEntity } from '../access/UserEntity.ts';
import { BackupEntity } from '../backups/BackupEntity.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { CredentialEntity } from '../credentials/CredentialEntity.ts';
import { ClusterNamespaceEntity } from '../inventory/ClusterNamespaceEntity.ts';
import { JobEntity } from '../jobs/JobEntity.ts';
import { BackupLocationEntity } from '../locations/BackupLocationEntity.ts';
import { SchedulePolicyEntity } from '../policies/SchedulePolicyEntity.ts';
import { RestoreEntity } from '../restores/RestoreEntity.ts';
import { RestoreItemEntity } from '../restores/RestoreItemEntity.ts';
import { RuleEntity } from '../rules/RuleEntity.ts';
import { BackupScheduleEntity } from '../schedules/BackupScheduleEntity.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/** Every entity the hub persists; migrations are generated from this list. */
export const entities = [
  TenantEntity,
  RoleBindingEntity,
  ApiTokenEntity,
  AdminTokenEntity,
  UserEntity,
  ClusterEntity,
  ClusterNamespaceEntity,
  CredentialEntity,
  BackupLocationEntity,
  JobEntity,
  BackupEntity,
  RestoreEntity,
  RestoreItemEntity,
  SchedulePolicyEntity,
  RuleEntity,
  BackupScheduleEntity,
];
