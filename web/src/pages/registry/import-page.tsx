import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Flex, Result, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ManagerOnly } from '../../features/registry/manager-only';
import { ImportProblems, ImportSummary } from '../../features/registry/import-summary';
import { importContentType, TEMPLATE_URL, useImportFile } from '../../features/registry/registry-api';
import type { ImportResult } from '../../features/registry/registry-types';

/** Bulk registration: download the template, upload it, read the dry-run report, then import. */
export function ImportPage() {
  return (
    <ManagerOnly>
      <ImportScreen />
    </ManagerOnly>
  );
}

function ImportScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const upload = useImportFile();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const step = done ? 2 : check ? 1 : 0;

  const reset = () => {
    setFile(null);
    setCheck(null);
    setDone(null);
  };

  const onPick = async (picked: File) => {
    if (!importContentType(picked.name)) {
      message.error(t('registry.import.wrongType'));
      return;
    }
    setFile(picked);
    setCheck(null);
    try {
      setCheck(await upload.mutateAsync({ file: picked, dryRun: true }));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
      setFile(null);
    }
  };

  const onCommit = async () => {
    if (!file) return;
    try {
      setDone(await upload.mutateAsync({ file, dryRun: false }));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/subjects">{t('nav.subjects')}</Link> }, { title: t('registry.import.title') }]} />
      <PageHeader title={t('registry.import.title')} subtitle={t('registry.import.subtitle')} />
      <Card>
        <Steps
          current={step}
          style={{ maxWidth: 760, margin: '8px auto 32px' }}
          items={[{ title: t('registry.import.stepFile') }, { title: t('registry.import.stepCheck') }, { title: t('registry.import.stepDone') }]}
        />
        {step === 0 && (
          <Flex vertical gap={20} style={{ maxWidth: 760, margin: '0 auto' }}>
            <Alert
              type="info"
              showIcon
              icon={<FileExcelOutlined />}
              title={t('registry.import.templateTitle')}
              description={t('registry.import.templateHint')}
              action={
                <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download data-testid="import-template">
                  {t('registry.import.download')}
                </Button>
              }
            />
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              disabled={upload.isPending}
              beforeUpload={(picked) => {
                void onPick(picked);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{upload.isPending ? t('registry.import.checking') : t('registry.import.drop')}</p>
              <p className="ant-upload-hint">{t('registry.import.dropHint')}</p>
            </Upload.Dragger>
          </Flex>
        )}
        {step === 1 && check && (
          <Flex vertical gap={16}>
            <Alert
              type={check.ok ? 'success' : 'error'}
              showIcon
              data-testid="import-check"
              title={check.ok ? t('registry.import.checkOk', { name: file?.name ?? '' }) : t('registry.import.checkFailed', { count: check.problems.length, name: file?.name ?? '' })}
              description={check.ok ? t('registry.import.checkOkHint') : t('registry.import.checkFailedHint')}
            />
            <ImportSummary result={check} />
            {check.problems.length > 0 && (
              <>
                <Typography.Title level={5} style={{ margin: 0 }}>{t('registry.import.problems')}</Typography.Title>
                <ImportProblems problems={check.problems} />
              </>
            )}
            <Flex gap={8} justify="flex-end">
              <Button icon={<ReloadOutlined />} onClick={reset}>{t('registry.import.again')}</Button>
              <Button type="primary" disabled={!check.ok} loading={upload.isPending} onClick={onCommit} data-testid="import-commit">
                {t('registry.import.commit')}
              </Button>
            </Flex>
          </Flex>
        )}
        {step === 2 && done && (
          <Result
            status="success"
            title={t('registry.import.doneTitle')}
            subTitle={t('registry.import.doneHint', { name: file?.name ?? '' })}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate('/subjects')}>{t('registry.import.toList')}</Button>,
              <Button key="again" onClick={reset}>{t('registry.import.another')}</Button>,
            ]}
          >
            <Flex justify="center">
              <ImportSummary result={done} />
            </Flex>
          </Result>
        )}
      </Card>
    </>
  );
}
