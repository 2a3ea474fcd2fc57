import { Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTypeLabel } from '../resources/type-label';
import type { PlanLineInput, SubjectScoreAnswer } from './evaluation-types';
import { chinaDate } from './score-format';

/** The approved plan's lines as the run saw them: what was due, what came on time, what was waived. */
export function PlanLinesCard({ answer }: { answer: SubjectScoreAnswer }) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const asOf = chinaDate(answer.run.asOf);
  const columns: TableColumnsType<PlanLineInput> = [
    { title: t('evaluation.lines.type'), key: 'type', render: (_, line) => typeLabel(line.type) },
    { title: t('evaluation.lines.planned'), dataIndex: 'planned', width: 100, align: 'right' },
    { title: t('evaluation.lines.dueDate'), dataIndex: 'dueDate', width: 130, render: (value: string | null) => value ?? '—' },
    {
      title: t('evaluation.lines.onTime'),
      key: 'onTime',
      width: 140,
      align: 'right',
      render: (_, line) => (line.dueDate !== null && line.dueDate <= asOf ? `${line.onTime ?? 0} / ${line.planned}` : t('evaluation.lines.notDue')),
    },
    { title: t('evaluation.lines.released'), key: 'released', width: 120, align: 'right', render: (_, line) => answer.inputs.releasedByType[line.type] ?? 0 },
    { title: '', key: 'waived', width: 90, render: (_, line) => line.waived && <Tag color="gold">{t('evaluation.lines.waived')}</Tag> },
  ];
  return (
    <Card size="small" title={t('evaluation.lines.title')}>
      <Table<PlanLineInput>
        rowKey={(line) => `${line.type}-${line.dueDate ?? ''}-${answer.inputs.lines.indexOf(line)}`}
        size="small"
        pagination={false}
        columns={columns}
        dataSource={answer.inputs.lines}
        data-testid="plan-lines"
      />
    </Card>
  );
}
