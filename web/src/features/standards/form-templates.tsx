import { useCallback } from 'react';
import { Card, Col, Flex, Row, Select, Typography, theme } from 'antd';
import {
  englishStringTranslator, getUiOptions, replaceStringParameters, TranslatableString,
  type ObjectFieldTemplateProps, type WidgetProps,
} from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { GROUPS_OPTION, type FormGroup } from './form-schema';
import { colSpan, NestedObjectTemplate } from './nested-templates';

/**
 * The root object drawn as one card per x-group (基本信息, 责任者与联系人, ...); nested objects
 * are boxed under their title.
 */
export function GroupedObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const groups = getUiOptions(props.uiSchema)[GROUPS_OPTION] as FormGroup[] | undefined;
  if (!groups) return <NestedObjectTemplate {...props} />;

  const visible = props.properties.filter((property) => !property.hidden);
  const placed = new Set(groups.flatMap((group) => group.fields));
  // Fields only a condition brings in (or unknown to the groups) gather at the end.
  const sections = [
    ...groups.map((group) => ({ ...group, elements: group.fields.flatMap((name) => visible.filter((p) => p.name === name)) })),
    { id: '__rest', label: null, fields: [], elements: visible.filter((p) => !placed.has(p.name)) },
  ].filter((section) => section.elements.length > 0);

  return (
    <Flex vertical gap={16} id={props.fieldPathId.$id}>
      {sections.map((section) => (
        <Card
          key={section.id}
          size="small"
          data-testid={`form-group-${section.id}`}
          title={
            <Typography.Text strong style={{ color: token.colorPrimary }}>
              {section.label ?? t('standards.form.otherFields')}
            </Typography.Text>
          }
          styles={{ header: { background: token.colorFillQuaternary } }}
        >
          <Row gutter={24}>
            {section.elements.map((element) => (
              <Col key={element.name} xs={24} md={colSpan(element)}>
                {element.content}
              </Col>
            ))}
          </Row>
        </Card>
      ))}
    </Flex>
  );
}

/** A list of free-text entries (keywords, place names) typed as tags; Enter, comma or semicolon adds one. */
export function TagsWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, placeholder, htmlName }: WidgetProps) {
  const { t } = useTranslation();
  const values = Array.isArray(value) ? (value as unknown[]).filter((item): item is string => typeof item === 'string') : [];
  return (
    <Select
      id={id}
      mode="tags"
      open={false}
      suffixIcon={null}
      style={{ width: '100%' }}
      value={values}
      disabled={disabled || readonly}
      placeholder={placeholder || t('standards.form.tagsPlaceholder')}
      tokenSeparators={[';', '；', ',', '，']}
      onChange={(next: string[]) => onChange(next.map((item) => item.trim()).filter(Boolean))}
      onBlur={() => onBlur(id, values)}
      onFocus={() => onFocus(id, values)}
      {...{ name: htmlName || id }}
    />
  );
}

const TRANSLATABLE_KEYS = new Map<string, string>(Object.entries(TranslatableString).map(([key, text]) => [text, key]));

/** rjsf's own words (添加, 删除, 是/否 ...) in the UI language. */
export function useRjsfTranslator(): (text: TranslatableString, params?: string[]) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (text: TranslatableString, params?: string[]) => {
      const key = TRANSLATABLE_KEYS.get(text);
      const i18nKey = `standards.rjsf.${key ?? ''}`;
      if (key && i18n.exists(i18nKey)) return replaceStringParameters(t(i18nKey), params);
      return englishStringTranslator(text, params);
    },
    // The language is a dependency so rjsf re-renders its buttons when it changes.
    [t, i18n, i18n.language],
  );
}
