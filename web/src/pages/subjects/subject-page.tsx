import { useState } from 'react';
import { Alert, Breadcrumb, Button, Col, Flex, Row, Skeleton, Tabs, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session';
import { PlanView } from '../../features/plans/plan-view';
import { PeopleCard } from '../../features/registry/people-card';
import { isRegistryManager } from '../../features/registry/registry-access';
import { useSubject } from '../../features/registry/registry-api';
import { SubjectFormDrawer } from '../../features/registry/subject-form-drawer';
import { SubjectOverview, SubjectStatusTag } from '../../features/registry/subject-overview';
import { SubjectResources } from '../../features/resources/subject-resources';
import { CertificatePanel } from '../../features/certificates/certificate-panel';
import { FundingCard } from '../../features/supervision/funding-card';
import { isSubjectCode, SubjectCodeRedirect } from '../../features/supervision/subject-code-route';

/** A subject: its registry record and people (/subjects/:id), collection plan (/plan), resources (/resources) and certificate (/certificate). */
export function SubjectPage() {
  const { id = '' } = useParams();
  // Supervision links subjects by code (/subjects/{code}); those resolve to the subject's id first.
  return isSubjectCode(id) ? <SubjectCodeRedirect code={id} /> : <SubjectById id={id} />;
}

function SubjectById({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useSession();
  const subject = useSubject(id);
  const [editing, setEditing] = useState(false);
  const tab = (['plan', 'resources', 'certificate'] as const).find((key) => location.pathname.endsWith(`/${key}`)) ?? 'overview';

  if (subject.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (subject.isError) return <Alert type="error" showIcon title={subject.error.message} data-testid="subject-error" />;
  const s = subject.data;
  const title = i18n.language === 'en' && s.titleEn ? s.titleEn : s.titleZh;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/subjects">{t('nav.subjects')}</Link> }, { title: s.code }]}
      />
      <PageHeader
        title={
          <Flex align="center" gap={10} wrap>
            <span data-testid="subject-title">{title}</span>
            <SubjectStatusTag status={s.status} />
          </Flex>
        }
        subtitle={
          <>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', marginRight: 12 }}>
              {s.code}
            </Typography.Text>
            {s.projectTitle}
          </>
        }
        extra={
          s.can.update && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="subject-edit">
              {t('registry.detail.edit')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(key === 'overview' ? `/subjects/${id}` : `/subjects/${id}/${key}`)}
        items={[
          {
            key: 'overview',
            label: t('registry.detail.overviewTab'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={16}>
                  <SubjectOverview subject={s} />
                </Col>
                <Col xs={24} xl={8}>
                  <Flex vertical gap={16}>
                    <PeopleCard subject={s} canSetPi={isRegistryManager(me)} />
                    <FundingCard subjectCode={s.code} canEdit={s.can.update} />
                  </Flex>
                </Col>
              </Row>
            ),
          },
          { key: 'plan', label: <span data-testid="plan-tab">{t('registry.detail.planTab')}</span>, children: <PlanView subjectId={id} /> },
          { key: 'resources', label: <span data-testid="resources-tab">{t('resources.tab')}</span>, children: <SubjectResources subjectId={id} canEdit={s.can.editPlan} /> },
          { key: 'certificate', label: <span data-testid="certificate-tab">{t('certificates.tab')}</span>, children: <CertificatePanel subjectId={id} /> },
        ]}
      />
      {s.can.update && <SubjectFormDrawer open={editing} subject={s} onClose={() => setEditing(false)} />}
    </>
  );
}
