import { useMemo } from 'react';
import { App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isValidCreditCode } from '../../../../common/credit-code';
import { ORG_KINDS, type OrgKindName } from '../../../../common/roles';
import { applyFieldErrors } from '../../components/form-errors';
import { localName } from '../../components/format';
import { descendantIds } from './org-tree';
import { OrgSelect } from './org-select';
import { useOrgs, useRegions, useSaveOrg, type Org, type OrgInput } from './orgs-api';

const FIELDS = ['kind', 'nameZh', 'nameEn', 'parentId', 'regionCode', 'creditCode'] as const;
const CODE_FIELDS: Record<string, string> = {
  'org.invalid_credit_code': 'creditCode',
  'org.credit_code_required': 'creditCode',
  'org.credit_code_taken': 'creditCode',
  'org.region_required': 'regionCode',
  'org.region_unknown': 'regionCode',
  'org.parent_invalid': 'parentId',
  'org.name_taken': 'nameZh',
};

interface FormValues {
  kind: OrgKindName;
  nameZh: string;
  nameEn?: string;
  parentId?: string | null;
  regionCode?: string | null;
  creditCode?: string;
}

/** What the drawer edits: an existing organisation, or a new one (optionally under a parent). */
export type OrgFormTarget = { mode: 'edit'; org: Org } | { mode: 'create'; parentId?: string | null };

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function toInput(values: FormValues, editing: boolean): OrgInput {
  const input: OrgInput = {
    kind: values.kind,
    nameZh: values.nameZh.trim(),
    nameEn: blankToNull(values.nameEn),
    parentId: values.parentId ?? null,
    regionCode: values.regionCode ?? null,
    creditCode: blankToNull(values.creditCode),
  };
  if (editing) return input;
  // A new organisation simply leaves unset fields out.
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)) as unknown as OrgInput;
}

export function OrgFormDrawer({ target, onClose }: { target: OrgFormTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const { data: regions = [] } = useRegions();
  const { data: orgs = [] } = useOrgs();
  const save = useSaveOrg();
  const editing = target?.mode === 'edit' ? target.org : null;

  const initialValues = useMemo<Partial<FormValues>>(() => {
    if (target?.mode === 'edit') {
      const { org } = target;
      return {
        kind: org.kind,
        nameZh: org.nameZh,
        nameEn: org.nameEn ?? '',
        parentId: org.parentId,
        regionCode: org.regionCode,
        creditCode: org.creditCode ?? '',
      };
    }
    return { kind: 'unit', parentId: target?.parentId ?? null };
  }, [target]);

  const exclude = useMemo(() => (editing ? descendantIds(orgs, editing.id) : undefined), [orgs, editing]);
  const showCreditCode = kind === 'unit' || kind === 'repository';

  const onFinish = async (values: FormValues) => {
    try {
      await save.mutateAsync({ id: editing?.id, input: toInput(values, Boolean(editing)) });
      message.success(editing ? t('orgs.updated') : t('orgs.created'));
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: FIELDS, codeFields: CODE_FIELDS });
      if (rest) message.error(rest);
    }
  };

  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={editing ? t('orgs.editTitle', { name: localName(editing, i18n.language) }) : t('orgs.createTitle')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="org-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        <Form.Item name="kind" label={t('orgs.fields.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            data-testid="org-kind"
            options={ORG_KINDS.map((value) => ({ value, label: t(`orgKinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('orgs.fields.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}
        >
          <Input data-testid="org-name-zh" maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('orgs.fields.nameEn')} rules={[{ max: 300 }]}>
          <Input data-testid="org-name-en" maxLength={300} />
        </Form.Item>
        <Form.Item name="parentId" label={t('orgs.fields.parent')}>
          <OrgSelect exclude={exclude} placeholder={t('orgs.noParent')} data-testid="org-parent" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('orgs.fields.region')}
          rules={[{ required: kind === 'province_dept', message: t('orgs.regionRequired') }]}
          extra={kind === 'province_dept' ? undefined : t('orgs.regionHint')}
        >
          <Select
            data-testid="org-region"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('orgs.regionPlaceholder')}
            options={regions.map((region) => ({
              value: region.code,
              label: `${i18n.language === 'en' ? region.nameEn : region.nameZh} (${region.code})`,
            }))}
          />
        </Form.Item>
        {showCreditCode && (
          <Form.Item
            name="creditCode"
            label={t('orgs.fields.creditCode')}
            extra={t('orgs.creditCodeHint')}
            normalize={(value: string) => value.toUpperCase().replace(/\s+/g, '')}
            validateTrigger="onBlur"
            rules={[
              { required: kind === 'unit', message: t('orgs.creditCodeRequired') },
              {
                validator: async (_rule, value: string | undefined) => {
                  if (!value) return;
                  if (!isValidCreditCode(value)) throw new Error(t('orgs.creditCodeInvalid'));
                },
              },
            ]}
          >
            <Input data-testid="org-credit-code" maxLength={18} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
