import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-app';
import { expectTenWorkingDaysAhead } from '../../test/deadlines';
import { attachFile, buildReviewWorld } from '../../test/review-world';
import { validCoreRecord } from '../../test/standard-factory';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildReviewWorld>>;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildReviewWorld(t);
});
afterAll(() => t.close());

const review = (id: string, as = w.clients.platformAdmin) => as.get(`/api/resources/${id}/review`).then((r) => r.json());

describe('the review chain', () => {
  it('returns with a comment pinned to a field, shows the submitter the field, diffs the resubmission and approves through every tier', async () => {
    const { clients } = w;
    const id = await w.submitted('浙江省慢性病队列数据（初稿）');
    const entered = (await clients.pi.get(`/api/resources/${id}`)).json();
    expect(entered.status).toBe('unit_review');
    expect(entered.review).toMatchObject({ tier: 'unit', round: 1, overdue: false });
    expectTenWorkingDaysAhead(entered.review.stepDueAt);
    expect((await clients.unitAdmin.get('/api/review-queue?tier=unit')).json().items.map((i: { resourceId: string }) => i.resourceId)).toContain(id);

    expect((await clients.unitAdmin.post(`/api/resources/${id}/decision`, { decision: 'return' })).json().code).toBe('review.comment_required');
    expect((await clients.unitAdmin.post(`/api/resources/${id}/decision`, { decision: 'return', fieldComments: [{ field: 'noSuchField', body: '?' }] })).json().code).toBe('review.unknown_field');
    expect((await clients.unitAdmin.post(`/api/resources/${id}/decision`, { decision: 'return', fileComments: [{ path: 'nope.csv', body: '?' }] })).json().code).toBe('review.unknown_file');
    const returned = await clients.unitAdmin.post(`/api/resources/${id}/decision`, {
      decision: 'return', comment: '请完善题名并补充数据字典',
      fieldComments: [{ field: 'titleZh', body: '题名请去掉“初稿”字样' }], fileComments: [{ path: 'data/baseline.csv', body: '缺少变量说明' }],
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', openFields: ['titleZh'] });

    const mine = (await clients.pi.get(`/api/resources/${id}`)).json();
    expect(mine).toMatchObject({ status: 'returned', editable: true, review: { openFields: ['titleZh'] } });
    const seen = await review(id, clients.pi);
    const pinned = seen.comments.find((c: { field: string | null }) => c.field === 'titleZh');
    expect(pinned).toMatchObject({ fieldLabel: { zh: '题名（中文）' }, fromReviewer: true, body: '题名请去掉“初稿”字样' });
    const reply = await clients.pi.post(`/api/resources/${id}/comments`, { body: '已修改题名', parentId: pinned.id });
    expect(reply.json().comments.find((c: { parentId: string | null }) => c.parentId === pinned.id)).toMatchObject({ field: 'titleZh', fromReviewer: false });
    expect((await clients.pi.post(`/api/review-comments/${pinned.id}/resolve`)).statusCode).toBe(403);

    await clients.pi.put(`/api/resources/${id}/metadata`, { metadata: validCoreRecord({ titleZh: '浙江省慢性病队列数据', sampleSize: 4000, subjectCode: w.subject.code }) });
    await attachFile(t, id, 'data/baseline.csv', 'id,age,sex\n1,52,F\n');
    await attachFile(t, id, 'docs/dictionary.pdf', '%PDF-1.4 dictionary');
    expect((await clients.pi.post(`/api/resources/${id}/submit`)).json()).toMatchObject({ status: 'unit_review', review: { round: 2 } });

    const second = await review(id, clients.unitAdmin);
    expect(second.round).toBe(2);
    expect(second.diff.baseRound).toBe(1);
    expect(second.diff.fields).toEqual([expect.objectContaining({ field: 'titleZh', label: expect.objectContaining({ zh: '题名（中文）' }), before: '浙江省慢性病队列数据（初稿）', after: '浙江省慢性病队列数据' })]);
    expect(second.diff.files.map((f: { path: string; change: string }) => `${f.change}:${f.path}`)).toEqual(['changed:data/baseline.csv', 'added:docs/dictionary.pdf']);
    expect((await clients.unitAdmin.post(`/api/review-comments/${pinned.id}/resolve`)).json().openFields).toEqual([]);

    expect((await clients.unitAdmin.post(`/api/resources/${id}/decision`, { decision: 'approve' })).json()).toMatchObject({ status: 'platform_review', tier: 'platform' });
    expect((await clients.platformAdmin.post(`/api/resources/${id}/decision`, { decision: 'approve', comment: '格式符合标准' })).json()).toMatchObject({ status: 'expert_review', can: { assignExperts: true } });

    const candidates = (await clients.platformAdmin.get(`/api/resources/${id}/expert-candidates`)).json().items;
    expect(candidates.find((c: { userId: string }) => c.userId === w.users.coiExpert.id)).toMatchObject({ blocked: true });
    expect(candidates.find((c: { userId: string }) => c.userId === w.users.expert.id)).toMatchObject({ blocked: false });
    expect(candidates.map((c: { userId: string }) => c.userId)).not.toContain(w.users.otherExpert.id);
    expect((await clients.platformAdmin.post(`/api/resources/${id}/experts`, { expertIds: [w.users.coiExpert.id] })).json().code).toBe('review.expert_conflict');
    expect((await clients.platformAdmin.post(`/api/resources/${id}/experts`, { expertIds: [w.users.otherExpert.id] })).json().code).toBe('review.not_expert');
    expect((await clients.expert.get(`/api/resources/${id}`)).statusCode).toBe(403);
    const assigned = (await clients.platformAdmin.post(`/api/resources/${id}/experts`, { expertIds: [w.users.expert.id, w.users.expert2.id] })).json();
    expect(assigned.experts).toHaveLength(2);

    // An assigned expert reads the resource and its files, but must declare before scoring.
    expect((await clients.expert.get(`/api/resources/${id}`)).statusCode).toBe(200);
    const expertView = await review(id, clients.expert);
    expect(expertView.myAssignment).toMatchObject({ conflict: 'pending' });
    const queue = (await clients.expert.get('/api/review-queue?tier=expert')).json().items;
    expect(queue.find((i: { resourceId: string }) => i.resourceId === id)).toMatchObject({ assignment: { conflict: 'pending' } });
    const opinion = { scores: [{ criterion: 'quality', score: 4 }, { criterion: 'completeness', score: 4 }, { criterion: 'usability', score: 3, comment: '变量命名可再统一' }], recommendation: 'approve', sharingMode: 'open', embargoMonths: 0 };
    const a1 = expertView.myAssignment.assignmentId;
    expect((await clients.expert.post(`/api/expert-assignments/${a1}/opinion`, opinion)).json().code).toBe('review.declare_first');
    expect((await clients.expert2.post(`/api/expert-assignments/${a1}/conflict`, { conflict: false })).statusCode).toBe(403);
    expect((await clients.expert.post(`/api/expert-assignments/${a1}/conflict`, { conflict: false })).json().myAssignment.conflict).toBe('none');
    expect((await clients.expert.post(`/api/expert-assignments/${a1}/opinion`, { ...opinion, scores: opinion.scores.slice(0, 2) })).json().code).toBe('review.bad_scores');
    const afterFirst = (await clients.expert.post(`/api/expert-assignments/${a1}/opinion`, opinion)).json();
    expect(afterFirst).toMatchObject({ status: 'expert_review', expertSummary: { submitted: 1, active: 2, outcome: 'pending' } });
    expect((await clients.expert.post(`/api/expert-assignments/${a1}/opinion`, opinion)).json().code).toBe('review.opinion_given');

    const a2 = (await review(id, clients.expert2)).myAssignment.assignmentId;
    await clients.expert2.post(`/api/expert-assignments/${a2}/conflict`, { conflict: false });
    const done = (await clients.expert2.post(`/api/expert-assignments/${a2}/opinion`, { ...opinion, scores: opinion.scores.map((s) => ({ ...s, score: 5 })) })).json();
    expect(done.status).toBe('approved');
    expect(done.expertSummary).toMatchObject({ outcome: 'pass', approvals: 2, mean: 4.33, means: { quality: 4.5, completeness: 4.5, usability: 4 } });

    // The platform sees names; the submitter sees the opinions without them.
    const platformView = await review(id);
    expect(platformView.experts.map((e: { expertName: string }) => e.expertName)).toContain(w.users.expert.displayName);
    expect(platformView.can).toMatchObject({ release: true, decide: false });
    const submitterView = await review(id, clients.pi);
    expect(submitterView.experts.map((e: { expertName: string }) => e.expertName)).not.toContain(w.users.expert.displayName);
    expect(submitterView.experts.every((e: { expertId: string | null }) => e.expertId === null)).toBe(true);
    expect(submitterView.decisions.map((d: { tier: string; decision: string }) => `${d.tier}:${d.decision}`)).toEqual(['unit:return', 'unit:approve', 'platform:approve', 'expert:approve']);
    expect((await clients.unitAdmin.get('/api/review-queue?tier=unit')).json().items.map((i: { resourceId: string }) => i.resourceId)).not.toContain(id);
    expect((await clients.platformAdmin.get('/api/review-queue?tier=release')).json().items.map((i: { resourceId: string }) => i.resourceId)).toContain(id);
  });

  it('refuses every action to those outside its tier and scope', async () => {
    const { clients } = w;
    const id = await w.submitted('权限测试资源');
    const approve = { decision: 'approve' };
    expect((await t.anonymous().post(`/api/resources/${id}/decision`, approve)).statusCode).toBe(401);
    for (const who of [clients.otherUnitAdmin, clients.platformAdmin, clients.supervisor, clients.member, clients.pi, clients.expert, clients.otherPlatformAdmin]) {
      expect((await who.post(`/api/resources/${id}/decision`, approve)).statusCode).toBe(403);
    }
    expect((await clients.supervisor.get(`/api/resources/${id}/review`)).statusCode).toBe(200);
    expect((await clients.supervisor.post(`/api/resources/${id}/comments`, { body: '催办' })).statusCode).toBe(403);
    expect((await clients.member.get(`/api/resources/${id}/review`)).statusCode).toBe(403);
    expect((await clients.expert.get(`/api/resources/${id}/review`)).statusCode).toBe(403);
    expect((await clients.member.get('/api/review-queue?tier=unit')).statusCode).toBe(403);
    expect((await clients.unitAdmin.get('/api/review-queue?tier=release')).statusCode).toBe(403);
    expect((await clients.otherUnitAdmin.get('/api/review-queue?tier=unit')).json().items.map((i: { resourceId: string }) => i.resourceId)).not.toContain(id);
    expect((await clients.unitAdmin.get(`/api/resources/${id}/expert-candidates`)).statusCode).toBe(403);
    expect((await clients.unitAdmin.post(`/api/resources/${id}/decision`, approve)).json().status).toBe('platform_review');
    expect((await clients.unitAdmin.post(`/api/resources/${id}/decision`, approve)).statusCode).toBe(403);
    expect((await clients.otherPlatformAdmin.post(`/api/resources/${id}/decision`, approve)).statusCode).toBe(403);
    expect((await clients.platformAdmin.post(`/api/resources/${id}/experts`, { expertIds: [w.users.expert.id] })).json().code).toBe('review.wrong_status');
    expect((await clients.platformAdmin.post(`/api/resources/${id}/release`, { sharingMode: 'open', licence: 'CC-BY-4.0' })).json().code).toBe('review.wrong_status');
  });

  it('returns the resource when the experts fail the rule, and a declared conflict takes an expert out', async () => {
    const { clients } = w;
    const original = await settings();
    await clients.platformAdmin.put(`/api/platforms/${w.platform.id}/review-settings`, { ...original, skipTiers: { data: ['unit'] }, rule: { requireAllApprove: false, minMean: 3.5 } });
    const id = await w.submitted('专家评审未通过的数据集');
    expect((await clients.pi.get(`/api/resources/${id}`)).json().status).toBe('platform_review');
    await clients.platformAdmin.post(`/api/resources/${id}/decision`, { decision: 'approve' });
    await clients.platformAdmin.post(`/api/resources/${id}/experts`, { expertIds: [w.users.expert.id, w.users.expert2.id] });
    const detail = await review(id);
    const [first, second] = detail.experts.map((e: { assignmentId: string }) => e.assignmentId);
    const mine = (client: typeof clients.expert) => review(id, client).then((d) => d.myAssignment.assignmentId as string);
    expect([first, second]).toContain(await mine(clients.expert));
    expect((await clients.expert2.post(`/api/expert-assignments/${await mine(clients.expert2)}/conflict`, { conflict: true })).json().code).toBe('review.conflict_note_required');
    await clients.expert2.post(`/api/expert-assignments/${await mine(clients.expert2)}/conflict`, { conflict: true, note: '曾与课题负责人合作发表论文' });
    const scores = [{ criterion: 'quality', score: 3 }, { criterion: 'completeness', score: 2 }, { criterion: 'usability', score: 4 }];
    const a = await mine(clients.expert);
    await clients.expert.post(`/api/expert-assignments/${a}/conflict`, { conflict: false });
    const outcome = (await clients.expert.post(`/api/expert-assignments/${a}/opinion`, { scores, recommendation: 'approve', sharingMode: 'registered', embargoMonths: 6, comment: '完整性不足' })).json();
    expect(outcome.status).toBe('returned');
    expect(outcome.expertSummary).toMatchObject({ outcome: 'fail', mean: 3, active: 1 });
    const routeDecisions = outcome.decisions.map((d: { tier: string; decision: string }) => `${d.tier}:${d.decision}`);
    expect(routeDecisions).toEqual(['unit:skipped', 'platform:approve', 'expert:return']);
    const seen = await review(id, clients.pi);
    expect(seen.comments.some((c: { body: string }) => c.body.includes('完整性不足'))).toBe(true);
    expect((await clients.pi.get(`/api/resources/${id}`)).json()).toMatchObject({ status: 'returned', editable: true });
    await clients.platformAdmin.put(`/api/platforms/${w.platform.id}/review-settings`, original);
  });

  it('skips tiers the platform configured for a type, recording them in the round', async () => {
    const original = await settings();
    await w.clients.platformAdmin.put(`/api/platforms/${w.platform.id}/review-settings`, { ...original, skipTiers: { data: ['unit', 'expert'] } });
    const id = await w.submitted('跳过单位与专家评审的数据集');
    const detail = await review(id);
    expect(detail.route).toEqual([{ tier: 'unit', skipped: true }, { tier: 'platform', skipped: false }, { tier: 'expert', skipped: true }]);
    expect(detail.status).toBe('platform_review');
    const approved = (await w.clients.platformAdmin.post(`/api/resources/${id}/decision`, { decision: 'approve' })).json();
    expect(approved.status).toBe('approved');
    expect(approved.decisions.map((d: { tier: string; decision: string }) => `${d.tier}:${d.decision}`)).toEqual(['unit:skipped', 'platform:approve', 'expert:skipped']);
    await w.clients.platformAdmin.put(`/api/platforms/${w.platform.id}/review-settings`, original);
  });

  it('applies one bulk decision to many resources with the same checks, reporting each', async () => {
    const [a, b, c] = [await w.submitted('批量一'), await w.submitted('批量二'), await w.submitted('批量三')];
    await w.clients.unitAdmin.post(`/api/resources/${c}/decision`, { decision: 'approve' });
    expect((await w.clients.unitAdmin.post('/api/review-queue/bulk', { resourceIds: [a, b], decision: 'return' })).json().code).toBe('review.comment_required');
    const { results } = (await w.clients.unitAdmin.post('/api/review-queue/bulk', { resourceIds: [a, b, c], decision: 'return', comment: '请统一补充数据字典' })).json();
    expect(results).toEqual([
      { resourceId: a, ok: true, status: 'returned', error: null },
      { resourceId: b, ok: true, status: 'returned', error: null },
      { resourceId: c, ok: false, status: null, error: { code: 'auth.forbidden', message: '您没有权限执行此操作' } },
    ]);
    expect((await review(a, w.clients.pi)).comments.map((x: { body: string }) => x.body)).toContain('请统一补充数据字典');
  });

  it('mails overdue steps to whoever holds them, once a day', async () => {
    const id = await w.submitted('逾期未审的数据集');
    const later = new Date(Date.now() + 30 * 86_400_000);
    expect((await w.clients.unitAdmin.get(`/api/resources/${id}/review`)).json().overdue).toBe(false);
    const first = await t.services.reviews.remindOverdue(later);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await t.services.reviews.remindOverdue(later)).toBe(0);
    const mails = await t.database.db.selectFrom('mailOutbox').select(['toAddress', 'subject', 'body']).where('body', 'like', '%逾期未审的数据集%').execute();
    expect(mails.map((m) => m.toAddress)).toContain(w.users.unitAdmin.email);
    expect(mails.find((m) => m.toAddress === w.users.unitAdmin.email)!.body).toContain('单位审核');
  });
});

describe('review settings', () => {
  it('are the platform admin’s to change, validated, and audited', async () => {
    const current = await settings();
    expect(current.rubric.map((c: { key: string }) => c.key)).toEqual(['quality', 'completeness', 'usability']);
    expect(current.cstrTypeCodes.data).toBe('11');
    expect((await w.clients.otherPlatformAdmin.get(`/api/platforms/${w.platform.id}/review-settings`)).statusCode).toBe(403);
    expect((await w.clients.unitAdmin.put(`/api/platforms/${w.platform.id}/review-settings`, current)).statusCode).toBe(403);
    const { licences: _l, resourceTypes: _r, ...body } = current;
    const bad = await w.clients.platformAdmin.put(`/api/platforms/${w.platform.id}/review-settings`, {
      ...body, rule: { requireAllApprove: false, minMean: null }, cstrTypeCodes: { ...body.cstrTypeCodes, data: '1x' }, rubric: [...body.rubric, { key: 'quality', label: { zh: '重复', en: 'Again' } }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['/cstrTypeCodes/data', '/rubric/3/key', '/rule']);
    const saved = await w.clients.platformAdmin.put(`/api/platforms/${w.platform.id}/review-settings`, { ...body, reviewDays: 7, rubric: [{ key: 'rigour', label: { zh: '严谨性', en: 'Rigour' } }] });
    expect(saved.json()).toMatchObject({ reviewDays: 7, rubric: [{ key: 'rigour' }] });
    await w.clients.platformAdmin.put(`/api/platforms/${w.platform.id}/review-settings`, body);
  });
});

async function settings() {
  const { licences: _l, resourceTypes: _r, ...body } = (await w.clients.platformAdmin.get(`/api/platforms/${w.platform.id}/review-settings`)).json();
  return body;
}
