import { useState } from 'react';
import { Alert, App, Flex, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Bilingual } from '../standards/standard-types';
import { useCreateResource } from './resources-api';
import { useTypeLabel } from './type-label';

/** "新建资源": choose one of the types the platform's standard collects, then describe it on its own page. */
export function NewResourceModal({ subjectId, types, open, onClose }: { subjectId: string; types: Array<{ type: string; label: Bilingual }>; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateResource(subjectId);
  const typeLabel = useTypeLabel(types);
  const [type, setType] = useState<string | null>(null);

  const onOk = async () => {
    if (!type) return;
    try {
      const detail = await create.mutateAsync(type);
      onClose();
      navigate(`/resources/${detail.id}`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Modal
      open={open}
      title={t('resources.create.title')}
      okText={t('resources.create.ok')}
      okButtonProps={{ disabled: !type, 'data-testid': 'resource-create-ok' }}
      confirmLoading={create.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('resources.create.intro')}</Typography.Paragraph>
      {types.length === 0 && <Alert type="warning" showIcon title={t('resources.create.noStandard')} />}
      <Radio.Group value={type} onChange={(event) => setType(event.target.value as string)} style={{ width: '100%' }} data-testid="resource-type-choice">
        <Flex vertical gap={8}>
          {types.map((option) => (
            <Radio key={option.type} value={option.type} data-testid={`resource-type-${option.type}`}>
              {typeLabel(option.type)}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {t(`resources.typeHints.${option.type}`, { defaultValue: '' })}
              </Typography.Text>
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
    </Modal>
  );
}
