import { Col, Result, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session';
import { GenerateReportForm } from '../../features/reports/generate-report-form';
import { ProgramContactsCard } from '../../features/reports/program-contacts-card';
import { managesReports } from '../../features/reports/report-access';
import { ReportSettingsCard } from '../../features/reports/report-settings-card';
import { ReportsList } from '../../features/reports/reports-list';

/** /reports (利用报告): generate program and project reports, follow their progress, download them, keep the schedule and recipients. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useSession();
  if (!managesReports(me)) return <Result status="403" title={t('reports.title')} subTitle={t('reports.forbidden')} />;
  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <GenerateReportForm />
      <ReportsList />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <ReportSettingsCard />
        </Col>
        <Col xs={24} lg={14}>
          <ProgramContactsCard />
        </Col>
      </Row>
    </>
  );
}
