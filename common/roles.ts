/** Roles of DESIGN §4, with the kind of scope each grant must carry. Shared by server and web. */
export const ROLES = [
  'sysadmin',
  'ministry_admin',
  'platform_admin',
  'expert',
  'province_supervisor',
  'unit_admin',
  'pi',
  'submitter',
] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['ministry', 'centre', 'domain_platform', 'province_dept', 'unit', 'repository'] as const;
export type OrgKindName = (typeof ORG_KINDS)[number];

/** What a grant of the role is scoped to: the whole platform, an organisation of a kind, or a subject. */
export type RoleScope =
  | { type: 'platform' }
  | { type: 'organisation'; orgKinds: readonly OrgKindName[] }
  | { type: 'subject' };

export const ROLE_SCOPES: Record<Role, RoleScope> = {
  sysadmin: { type: 'platform' },
  ministry_admin: { type: 'organisation', orgKinds: ['ministry'] },
  platform_admin: { type: 'organisation', orgKinds: ['domain_platform'] },
  expert: { type: 'organisation', orgKinds: ['domain_platform'] },
  province_supervisor: { type: 'organisation', orgKinds: ['province_dept'] },
  unit_admin: { type: 'organisation', orgKinds: ['unit', 'repository'] },
  pi: { type: 'subject' },
  submitter: { type: 'subject' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
