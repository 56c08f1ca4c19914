import { AdminTokenEntity } from '../access/AdminTokenEntity.ts';
import { ApiTokenEntity } from '../access/ApiTokenEntity.ts';
import { RoleBindingEntity } from '../access/RoleBindingEntity.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/** Every entity the hub persists; migrations are generated from this list. */
export const entities = [TenantEntity, RoleBindingEntity, ApiTokenEntity, AdminTokenEntity, ClusterEntity];
