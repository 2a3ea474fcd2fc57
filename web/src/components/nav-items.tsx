import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { FileProtectOutlined } from '@ant-design/icons';
import { CheckSquareOutlined, ProfileOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { Me } from '../features/auth/auth-types';
import { canListSubjects, hasSubjectWork } from '../features/registry/registry-access';
import { hasReviewWork } from '../features/reviews/review-access';
import { InboxOutlined } from '@ant-design/icons';
import { canReceiveDeposits } from '../features/resources/resource-access';
import { ControlOutlined } from '@ant-design/icons';
import { keepsReviewSettings } from '../features/review-settings/platform-access';
import { FormOutlined, GlobalOutlined, SolutionOutlined } from '@ant-design/icons';
import { decidesApplications } from '../features/portal/application-access';
import { TrophyOutlined } from '@ant-design/icons';
import { canReadEvaluation } from '../features/evaluation/evaluation-access';
import { FileTextOutlined, LikeOutlined } from '@ant-design/icons';
import { reviewsReuse } from '../features/reuse/reuse-access';
import { managesReports } from '../features/reports/report-access';
import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { canSupervise } from '../features/supervision/supervision-access';

export interface NavItem {
  path: string;
  /** i18n key of the label; `${labelKey}Hint` holds a one-line description. */
  labelKey: string;
  icon: ReactNode;
  visible: (me: Me) => boolean;
}

/**
 * The side menu, in order. Each screen decides who sees its entry from the session.
 * Later screens (collection standards, subjects and plans, resources, review, supervision, portal,
 * evaluation) join here when they exist; a link is never shown before its screen is built.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, visible: () => true },
  { path: '/my-work', labelKey: 'nav.myWork', icon: <ScheduleOutlined />, visible: hasSubjectWork },
  { path: '/subjects', labelKey: 'nav.subjects', icon: <ProfileOutlined />, visible: canListSubjects },
  { path: '/reviews', labelKey: 'nav.reviews', icon: <CheckSquareOutlined />, visible: hasReviewWork },
  { path: '/deposits', labelKey: 'nav.deposits', icon: <InboxOutlined />, visible: canReceiveDeposits },
  { path: '/review-settings', labelKey: 'nav.reviewSettings', icon: <ControlOutlined />, visible: keepsReviewSettings },
  { path: '/supervision', labelKey: 'supervision.nav.dashboard', icon: <FundProjectionScreenOutlined />, visible: canSupervise },
  { path: '/evaluation', labelKey: 'evaluation.nav', icon: <TrophyOutlined />, visible: canReadEvaluation },
  { path: '/search', labelKey: 'portal.nav.search', icon: <GlobalOutlined />, visible: () => true },
  { path: '/applications', labelKey: 'portal.nav.applications', icon: <FormOutlined />, visible: () => true },
  { path: '/applications/inbox', labelKey: 'portal.nav.inbox', icon: <SolutionOutlined />, visible: decidesApplications },
  { path: '/reuse', labelKey: 'reuse.nav.inbox', icon: <LikeOutlined />, visible: reviewsReuse },
  { path: '/reports', labelKey: 'reports.nav.reports', icon: <FileTextOutlined />, visible: managesReports },
  { path: '/standards', labelKey: 'nav.standards', icon: <FileProtectOutlined />, visible: () => true },
  { path: '/orgs', labelKey: 'nav.orgs', icon: <ApartmentOutlined />, visible: () => true },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, visible: (me) => me.capabilities.listUsers },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, visible: (me) => me.capabilities.readAudit },
  { path: '/account', labelKey: 'nav.account', icon: <UserOutlined />, visible: () => true },
];

export function visibleNavItems(me: Me): NavItem[] {
  return NAV_ITEMS.filter((item) => item.visible(me));
}

/** The menu entry a location belongs to: the longest path that prefixes it. */
export function activeNavPath(pathname: string, items: readonly NavItem[] = NAV_ITEMS): string | undefined {
  const matches = items.filter((item) => item.path === pathname || (item.path !== '/' && pathname.startsWith(`${item.path}/`)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
