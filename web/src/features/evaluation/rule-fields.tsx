import { Card, Col, Flex, Form, InputNumber, Row, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHARING_PARTS, WEIGHT_GROUPS, type Rules, type WeightGroup } from './evaluation-types';
import { formatSum, sumsToOne } from './score-format';

const GROUPS = Object.keys(WEIGHT_GROUPS) as WeightGroup[];
const TARGET_MAX = 1_000_000_000;

/** The running sum of a group's weights, red while it is not 1. */
function GroupSum({ group }: { group: WeightGroup }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const form = Form.useFormInstance();
  const values = Form.useWatch<Record<string, number | null> | undefined>(group, form);
  const sum = WEIGHT_GROUPS[group].reduce((total, key) => total + (values?.[key] ?? 0), 0);
  const ok = sumsToOne(sum);
  return (
    <Typography.Text strong style={{ color: ok ? token.colorSuccess : token.colorError }} data-testid={`weight-sum-${group}`} data-ok={ok}>
      {t('evaluation.rules.sum', { sum: formatSum(sum) })}
      {!ok && ` · ${t('evaluation.rules.sumOff')}`}
    </Typography.Text>
  );
}

/**
 * The rule set's fields inside a <Form>: four groups of weights (0–1, each summing to 1) and the
 * sharing targets. Read-only when the form is disabled.
 */
export function RuleFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('evaluation.rules.weightRequired') };
  return (
    <Flex vertical gap={16}>
      {GROUPS.map((group) => (
        <Card
          key={group}
          size="small"
          title={t(`evaluation.rules.groups.${group}`)}
          extra={<GroupSum group={group} />}
          data-testid={`weight-group-${group}`}
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
            {t(`evaluation.rules.groupHints.${group}`)}
          </Typography.Paragraph>
          <Row gutter={16}>
            {WEIGHT_GROUPS[group].map((key) => (
              <Col key={key} xs={12} md={8} xl={4}>
                <Form.Item name={[group, key]} label={t(`evaluation.rules.weightLabels.${group}.${key}`)} rules={[required]}>
                  <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} data-testid={`weight-${group}-${key}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
      ))}
      <Card size="small" title={t('evaluation.rules.groups.targets')} data-testid="weight-group-targets">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
          {t('evaluation.rules.groupHints.targets')}
        </Typography.Paragraph>
        <Row gutter={16}>
          {SHARING_PARTS.map((key) => (
            <Col key={key} xs={12} md={8} xl={4}>
              <Form.Item name={['targets', key]} label={t(`evaluation.rules.weightLabels.sharing.${key}`)} rules={[{ required: true, message: t('evaluation.rules.targetRequired') }]}>
                <InputNumber min={1} max={TARGET_MAX} precision={0} style={{ width: '100%' }} data-testid={`target-${key}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
    </Flex>
  );
}

type RuleValues = { [G in keyof Rules]: Partial<Record<keyof Rules[G], number | null>> };

/** The rule set the fields hold, with exactly the contract's keys (cleared fields count as 0). */
export function rulesFromValues(values: RuleValues): Rules {
  const group = <G extends keyof Rules>(name: G, keys: readonly (keyof Rules[G])[]) =>
    Object.fromEntries(keys.map((key) => [key, values[name]?.[key] ?? 0])) as Rules[G];
  return {
    weights: group('weights', WEIGHT_GROUPS.weights),
    completion: group('completion', WEIGHT_GROUPS.completion),
    quality: group('quality', WEIGHT_GROUPS.quality),
    sharing: group('sharing', WEIGHT_GROUPS.sharing),
    targets: group('targets', SHARING_PARTS),
  };
}
