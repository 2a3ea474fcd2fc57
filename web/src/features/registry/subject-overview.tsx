import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localName } from '../../components/format';
import { PlanStatusTag } from '../plans/plan-status-tag';
import { formatDay } from './dates';
import type { Subject, SubjectDetail } from './registry-types';
import { useOrgName } from './use-org-name';

const STATUS_COLORS: Record<Subject['status'], string> = { active: 'processing', accepted: 'success', terminated: 'default' };

export function SubjectStatusTag({ status }: { status: Subject['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`registry.subjectStatus.${status}`)}</Tag>;
}

/** Acceptance date with the days left (or passed) in the UI language. */
export function AcceptanceDate({ subject }: { subject: Pick<Subject, 'acceptanceDate' | 'daysToAcceptance'> }) {
  const { t, i18n } = useTranslation();
  if (!subject.acceptanceDate) return <Typography.Text type="secondary">—</Typography.Text>;
  const days = subject.daysToAcceptance;
  return (
    <Flex vertical gap={0}>
      <span>{formatDay(subject.acceptanceDate, i18n.language)}</span>
      {days !== null && (
        <Typography.Text type={days < 0 ? 'secondary' : days <= 90 ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
          {days < 0 ? t('registry.acceptancePassed', { count: -days }) : t('registry.acceptanceIn', { count: days })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The registry record of a subject: program, project, units, platform, region, dates, budget. */
export function SubjectOverview({ subject }: { subject: SubjectDetail }) {
  const { t, i18n } = useTranslation();
  const money = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
  const region = i18n.language === 'en' ? subject.regionNameEn : subject.regionName;
  const orgName = useOrgName();
  return (
    <Card title={t('registry.detail.record')}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'code', label: t('registry.fields.code'), children: <Typography.Text code copyable>{subject.code}</Typography.Text> },
          { key: 'status', label: t('registry.fields.status'), children: <SubjectStatusTag status={subject.status} /> },
          { key: 'titleZh', label: t('registry.fields.titleZh'), children: subject.titleZh, span: 2 },
          { key: 'titleEn', label: t('registry.fields.titleEn'), children: subject.titleEn ?? '—', span: 2 },
          { key: 'program', label: t('registry.fields.program'), children: <ProgramLine code={subject.programCode} title={subject.programTitle} />, span: 2 },
          { key: 'project', label: t('registry.fields.project'), children: <ProgramLine code={subject.projectCode} title={subject.projectTitle} />, span: 2 },
          { key: 'leadUnit', label: t('registry.fields.leadUnit'), children: orgName(subject.leadUnitId, subject.leadUnitName) },
          {
            key: 'coUnits',
            label: t('registry.fields.coUnits'),
            children: subject.coUnits.length ? subject.coUnits.map((unit) => localName(unit, i18n.language)).join(t('common.listSeparator')) : '—',
          },
          { key: 'platform', label: t('registry.fields.platform'), children: orgName(subject.platformOrgId, subject.platformName) },
          { key: 'region', label: t('registry.fields.region'), children: region },
          {
            key: 'period',
            label: t('registry.fields.period'),
            children: subject.startDate || subject.endDate ? `${formatDay(subject.startDate, i18n.language)} – ${formatDay(subject.endDate, i18n.language)}` : '—',
          },
          { key: 'acceptance', label: t('registry.fields.acceptanceDate'), children: <AcceptanceDate subject={subject} /> },
          { key: 'budget', label: t('registry.fields.collectionBudget'), children: money.format(subject.collectionBudget) },
          { key: 'plan', label: t('registry.fields.planStatus'), children: <PlanStatusTag status={subject.plan.status} overdue={subject.plan.overdue} /> },
        ]}
      />
    </Card>
  );
}

function ProgramLine({ code, title }: { code: string; title: string }) {
  return (
    <span>
      <Typography.Text type="secondary" style={{ marginRight: 8, fontFamily: 'monospace' }}>
        {code}
      </Typography.Text>
      {title}
    </span>
  );
}
