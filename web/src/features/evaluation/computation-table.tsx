import type { HTMLAttributes, ReactNode } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTypeLabel } from '../resources/type-label';
import { computationLines, isRenormalised, type ComponentKey, type ComponentLine } from './computation';
import type { SharingPart, SubjectScoreAnswer } from './evaluation-types';
import { chinaDate, formatComponent, formatCount, formatScore, formatShare, formatWeight } from './score-format';

const rowTestId = (key: ComponentKey) => `component-${key.replace('sharing.', 'sharing-')}`;

/** Planned, released and waived per resource type, in the order of the plan lines. */
function plannedTypes(answer: SubjectScoreAnswer) {
  const types = new Map<string, { planned: number; waived: boolean }>();
  for (const line of answer.inputs.lines) {
    const known = types.get(line.type) ?? { planned: 0, waived: false };
    types.set(line.type, { planned: known.planned + line.planned, waived: known.waived || line.waived });
  }
  return [...types].map(([type, value]) => ({ type, ...value, released: answer.inputs.releasedByType[type] ?? 0 }));
}

/**
 * A subject's score as a person can follow it: every component with the counts it came from, the
 * weight the rule set gives it (and the weight applied when a sibling does not apply), and its value.
 */
export function ComputationTable({ answer }: { answer: SubjectScoreAnswer }) {
  const { t, i18n } = useTranslation();
  const typeLabel = useTypeLabel();
  const { inputs, run } = answer;
  const lines = computationLines(answer.rules, answer.components);
  const label = (key: ComponentKey) => t(`evaluation.components.${key.replace('sharing.', 'parts.')}`);
  const count = (value: number) => formatCount(value, i18n.language);

  const asOf = chinaDate(run.asOf);
  const due = inputs.lines.filter((line) => line.dueDate !== null && line.dueDate <= asOf);
  const firstDecided = inputs.firstRound.approved + inputs.firstRound.returned;

  const basis = (line: ComponentLine): ReactNode => {
    if (line.terms) {
      if (line.value === null) return t('evaluation.computation.noneApplicable');
      const sum = line.terms.map((term) => `${formatWeight(term.weight)} × ${formatComponent(term.value)}`).join(' + ');
      return (
        <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {sum} = {formatComponent(line.value)}
        </Typography.Text>
      );
    }
    if (line.key.startsWith('sharing.')) {
      const part = line.key.slice('sharing.'.length) as SharingPart;
      return t('evaluation.computation.sharingPart', { label: label(line.key), count: count(inputs.usage[part]), target: count(answer.rules.targets[part]) });
    }
    switch (line.key) {
      case 'timeliness':
        return due.length === 0
          ? t('evaluation.computation.timelinessNone')
          : t('evaluation.computation.timeliness', {
              onTime: due.reduce((sum, l) => sum + (l.onTime ?? 0), 0),
              planned: due.reduce((sum, l) => sum + l.planned, 0),
              lines: due.length,
            });
      case 'quantity':
        return plannedTypes(answer)
          .map((type) =>
            type.waived
              ? t('evaluation.computation.quantityWaived', { type: typeLabel(type.type) })
              : t('evaluation.computation.quantity', { type: typeLabel(type.type), released: type.released, planned: type.planned }),
          )
          .join(i18n.language === 'en' ? '; ' : '；');
      case 'firstPass':
        return firstDecided === 0 ? t('evaluation.computation.firstPassNone') : t('evaluation.computation.firstPass', { approved: inputs.firstRound.approved, decided: firstDecided });
      case 'rubric':
        return inputs.rubric.count === 0 || inputs.rubric.mean === null
          ? t('evaluation.computation.rubricNone')
          : t('evaluation.computation.rubric', { mean: formatScore(inputs.rubric.mean), count: inputs.rubric.count });
      case 'completeness':
        return inputs.completeness.mean === null
          ? t('evaluation.computation.completenessNone')
          : t('evaluation.computation.completeness', { share: formatShare(inputs.completeness.mean, i18n.language), resources: inputs.completeness.resources });
      default:
        return null;
    }
  };

  const weightCell = (line: ComponentLine) => {
    if (line.weight === null) return null;
    if (line.value === null) return <Typography.Text delete type="secondary">{formatWeight(line.weight)}</Typography.Text>;
    if (isRenormalised(line) && line.applied !== null) {
      return (
        <span title={t('evaluation.computation.renormalised')}>
          {formatWeight(line.weight)} → <strong>{formatWeight(line.applied)}</strong>
        </span>
      );
    }
    return formatWeight(line.weight);
  };

  const columns: TableColumnsType<ComponentLine> = [
    {
      title: t('evaluation.computation.component'),
      key: 'component',
      width: 200,
      render: (_, line) => (
        <span style={{ paddingLeft: line.depth === 2 ? 32 : line.depth === 1 && line.key !== 'total' ? 16 : 0, fontWeight: line.terms ? 600 : undefined }}>
          {label(line.key)}
        </span>
      ),
    },
    { title: t('evaluation.computation.basis'), key: 'basis', render: (_, line) => <span data-testid={`${rowTestId(line.key)}-basis`}>{basis(line)}</span> },
    { title: t('evaluation.computation.weight'), key: 'weight', width: 130, align: 'right', render: (_, line) => weightCell(line) },
    {
      title: t('evaluation.computation.value'),
      key: 'value',
      width: 200,
      align: 'right',
      render: (_, line) =>
        line.value === null ? (
          <Tag data-testid={`${rowTestId(line.key)}-value`} style={{ marginInlineEnd: 0 }}>
            {t('evaluation.computation.notApplicable')}
          </Tag>
        ) : (
          <span data-testid={`${rowTestId(line.key)}-value`} style={{ fontWeight: line.terms ? 600 : undefined }}>
            {formatComponent(line.value)}
          </span>
        ),
    },
  ];

  return (
    <Table<ComponentLine>
      rowKey="key"
      size="small"
      pagination={false}
      data-testid="computation-table"
      columns={columns}
      dataSource={lines}
      onRow={(line) =>
        ({
          'data-testid': rowTestId(line.key),
          style: line.key === 'total' ? { background: '#eff6ff' } : line.depth === 0 ? { background: '#f8fafc' } : undefined,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
