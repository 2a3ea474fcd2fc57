import type { Organisation } from '../../db/schema';

export function presentOrg(org: Organisation) {
  return {
    id: org.id,
    kind: org.kind,
    nameZh: org.nameZh,
    nameEn: org.nameEn,
    parentId: org.parentId,
    regionCode: org.regionCode,
    creditCode: org.creditCode,
    createdAt: new Date(org.createdAt).toISOString(),
    updatedAt: new Date(org.updatedAt).toISOString(),
  };
}
export type PresentedOrg = ReturnType<typeof presentOrg>;
