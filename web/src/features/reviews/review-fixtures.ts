import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Grant } from '../auth/auth-types';
import type { ResourceDetail } from '../resources/resource-types';
import { testVersion } from '../standards/test/fixtures';
import { fakeMe, type FakeRoutes } from '../../test/render-app';
import type { ReviewDetail } from './review-types';

/** Test data for the review screens: one resource of the test standard, its review, and who looks at it. */
export const RESOURCE_ID = 'r1';

export function resource(overrides: Partial<ResourceDetail> = {}): ResourceDetail {
  return {
    id: RESOURCE_ID, subjectId: 's1', resourceType: 'data', typeLabel: { zh: '科学数据', en: 'Scientific data' }, standardVersionId: 'v11', standardVersion: '1.1.0',
    status: 'unit_review', versionNo: 1, titleZh: '浙江省慢性病队列数据集',
    metadata: { titleZh: '浙江省慢性病队列数据集', licence: 'CC-BY-4.0', contact: { name: '张晓雨', email: 'zhang@example.cn' } },
    problems: [], deposits: [], planLine: null, editable: false,
    files: [{ id: 'f1', path: 'data/baseline.csv', name: 'baseline.csv', size: 2048, mediaType: 'text/csv', sha256: 'e3'.repeat(32), createdAt: '2026-11-28T07:00:00.000Z' }],
    createdAt: '2026-11-27T12:00:00.000Z', updatedAt: '2026-11-28T08:00:00.000Z', submittedAt: '2026-11-28T08:00:00.000Z',
    review: { tier: 'unit', round: 1, stepDueAt: '2026-12-12T08:00:00.000Z', overdue: false, openFields: [] },
    release: null, lineageId: 'lin1', versions: [{ id: RESOURCE_ID, versionNo: 1, status: 'unit_review', cstr: null, releasedAt: null }],
    ...overrides,
  };
}

const CAN_NOTHING: ReviewDetail['can'] = { decide: false, comment: false, resolve: false, assignExperts: false, release: false, withdraw: false, newVersion: false };

export function review(overrides: Omit<Partial<ReviewDetail>, 'can'> & { can?: Partial<ReviewDetail['can']> } = {}): ReviewDetail {
  const { can, ...rest } = overrides;
  return {
    resourceId: RESOURCE_ID, status: 'unit_review', round: 1, tier: 'unit', stepDueAt: '2026-12-12T08:00:00.000Z', overdue: false,
    route: [{ tier: 'unit', skipped: false }, { tier: 'platform', skipped: false }, { tier: 'expert', skipped: true }],
    rounds: [{ round: 1, submittedAt: '2026-11-28T08:00:00.000Z', submittedByName: '张晓雨', outcome: 'open' }],
    decisions: [], comments: [], openFields: [], diff: { baseRound: null, fields: [], files: [] },
    experts: [], expertSummary: null, myAssignment: null,
    ...rest,
    can: { ...CAN_NOTHING, ...can },
  };
}

const grant = (role: Grant['role'], scopeType: Grant['scopeType'], scopeId: string): Grant => ({ id: `g-${role}`, role, scopeType, scopeId, scopeName: null });
const session = (grants: Grant[]) => fakeMe({ grants, capabilities: { manageOrgs: false, listUsers: false, readAudit: false } });

export const unitAdmin = session([grant('unit_admin', 'organisation', 'u1')]);
export const platformAdmin = session([grant('platform_admin', 'organisation', 'ph')]);
export const submitter = session([grant('submitter', 'subject', 's1')]);

/** The requests the resource page makes, answered; add the writes a test is about. */
export function resourceRoutes(me: ReturnType<typeof fakeMe>, current: ResourceDetail, detail: ReviewDetail = review()): FakeRoutes {
  return {
    'GET /api/auth/me': { body: me },
    [`GET /api/resources/${current.id}`]: { body: current },
    [`GET /api/resources/${current.id}/review`]: { body: detail },
    'GET /api/standard-versions/v11': { body: testVersion },
  };
}

/** Opens the antd select with this test id and clicks the option with this title. */
export async function choose(testId: string, title: string): Promise<void> {
  const select = screen.getByTestId(testId);
  const trigger = select.querySelector('input') ?? select;
  fireEvent.mouseDown(trigger);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((item) => item.getAttribute('title') === title);
    if (!found) throw new Error(`No option "${title}"`);
    return found;
  });
  fireEvent.click(option);
}
