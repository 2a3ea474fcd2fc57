import { useState } from 'react';
import { Button, Flex, Input, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export const MAX_DAYS = 10;

interface DayListInputProps {
  value?: number[];
  onChange?: (value: number[]) => void;
  'data-testid'?: string;
}

/** A short list of day counts (1–365, distinct, at most 10) as closable tags with an input to add one. */
export function DayListInput({ value = [], onChange, ...rest }: DayListInputProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = rest['data-testid'] ?? 'days';

  const add = () => {
    const text = draft.trim();
    if (!text) return;
    const days = Number(text);
    if (!/^\d+$/.test(text) || days < 1 || days > 365) return setProblem(t('supervision.settings.dayRange'));
    if (value.includes(days)) return setProblem(t('supervision.settings.dayTwice', { days }));
    if (value.length >= MAX_DAYS) return setProblem(t('supervision.settings.tooMany', { max: MAX_DAYS }));
    onChange?.([...value, days].sort((a, b) => a - b));
    setDraft('');
    setProblem(null);
  };

  return (
    <div data-testid={id}>
      <Flex gap={6} wrap align="center">
        {value.map((days) => (
          <Tag key={days} closable onClose={() => onChange?.(value.filter((d) => d !== days))} style={{ marginInlineEnd: 0 }} data-testid={`${id}-tag-${days}`}>
            {t('supervision.settings.dayTag', { count: days })}
          </Tag>
        ))}
        <Input
          size="small"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          onPressEnter={(event) => {
            event.preventDefault();
            add();
          }}
          placeholder={t('supervision.settings.dayPlaceholder')}
          style={{ width: 110 }}
          data-testid={`${id}-input`}
        />
        <Button size="small" icon={<PlusOutlined />} onClick={add} data-testid={`${id}-add`}>
          {t('supervision.settings.add')}
        </Button>
      </Flex>
      {problem && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`${id}-problem`}>
          {problem}
        </Typography.Text>
      )}
    </div>
  );
}
