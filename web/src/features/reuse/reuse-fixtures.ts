import type { Me } from '../auth/auth-types';
import { fakeMe } from '../../test/render-app';
import type { ReuseReport } from './reuse-types';

/** Test data for reported reuse, shaped as docs/supervision-and-evaluation.md answers. */
export function reuseReport(overrides: Partial<ReuseReport> = {}): ReuseReport {
  return {
    id: 'ru1', resourceId: 'r1', resourceTitle: '浙江省慢性病队列基线调查数据集', cstr: 'CSTR:31253.11.hj2027000001',
    kind: 'citation', citation: '王敏, 刘洋. 长三角成人慢性病风险因素的队列研究[J]. 中华流行病学杂志, 2027, 48(5): 601-609.',
    doi: '10.3760/cma.j.cn112338-20270101-00001', url: null,
    description: '使用了基线问卷与生化检测数据分析高血压的风险因素', reportedByName: '王敏', reportedAt: '2027-05-10T02:00:00.000Z',
    status: 'accepted', reviewedByName: '赵平台', reviewedAt: '2027-05-12T02:00:00.000Z', reviewNote: null,
    ...overrides,
  };
}

const orgGrant = (role: 'platform_admin' | 'ministry_admin' | 'unit_admin', scopeId: string, scopeName: string) => ({ id: `g-${role}`, role, scopeType: 'organisation' as const, scopeId, scopeName });

/** The admin of the resource's platform: reviews its reported reuse. */
export const platformAdmin: Me = fakeMe({
  user: { ...fakeMe().user, id: 'u-pa', username: 'zhao', displayName: '赵平台' },
  grants: [orgGrant('platform_admin', 'p-health', '国家人口健康科学数据中心')],
  capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
});

/** A ministry administrator: sees every platform's reuse, manages utilisation reports. */
export const ministryAdmin: Me = fakeMe({
  user: { ...fakeMe().user, id: 'u-ma', username: 'ministry', displayName: '部管理员' },
  grants: [orgGrant('ministry_admin', 'o-most', '科学技术部')],
  capabilities: { manageOrgs: true, listUsers: true, readAudit: true },
});

export const unitAdmin: Me = fakeMe({
  user: { ...fakeMe().user, id: 'u-ua', username: 'unit', displayName: '单位管理员' },
  grants: [orgGrant('unit_admin', 'o-zju', '浙江大学')],
  capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
});
