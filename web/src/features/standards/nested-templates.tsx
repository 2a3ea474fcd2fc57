import type { ReactNode } from 'react';
import { Button, Col, Flex, Row, Tooltip, Typography, theme } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  getUiOptions, TranslatableString,
  type ArrayFieldItemTemplateProps, type ArrayFieldTemplateProps, type IconButtonProps, type ObjectFieldTemplatePropertyType,
  type ObjectFieldTemplateProps,
} from '@rjsf/utils';

/** Short inputs share a row; objects, lists and long texts take the whole width. */
export function colSpan(element: ObjectFieldTemplatePropertyType): number {
  const props = element.content.props as { schema?: { type?: unknown }; uiSchema?: Record<string, unknown> };
  const type = props.schema?.type;
  const widget = getUiOptions(props.uiSchema).widget;
  return type === 'object' || type === 'array' || widget === 'textarea' ? 24 : 12;
}

/** A field title like antd's form labels: red star when required. */
function Heading({ title, required }: { title?: string; required?: boolean }) {
  const { token } = theme.useToken();
  if (!title) return null;
  return (
    <div style={{ marginBottom: 8, fontWeight: 500 }}>
      {required && <span style={{ color: token.colorError, marginInlineEnd: 4, fontFamily: 'SimSun, sans-serif' }}>*</span>}
      {title}
    </div>
  );
}

/** A soft box around the parts of a compound value (联系人: 姓名, 电子邮箱, 电话). */
function Box({ children, id }: { children: ReactNode; id?: string }) {
  const { token } = theme.useToken();
  return (
    <div id={id} style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, padding: '12px 16px 0', background: token.colorFillQuaternary }}>
      {children}
    </div>
  );
}

/** An object inside the form: its title, then its fields in a box (an entry of a list is boxed already). */
export function NestedObjectTemplate({ title, required, properties, fieldPathId }: ObjectFieldTemplateProps) {
  const fields = (
    <Row gutter={16}>
      {properties
        .filter((property) => !property.hidden)
        .map((property) => (
          <Col key={property.name} xs={24} md={colSpan(property)}>
            {property.content}
          </Col>
        ))}
    </Row>
  );
  if (typeof fieldPathId.path[fieldPathId.path.length - 1] === 'number') return <div id={fieldPathId.$id}>{fields}</div>;
  return (
    <div>
      <Heading title={title} required={required} />
      <Box id={fieldPathId.$id}>{fields}</Box>
    </div>
  );
}

/** A list of entries (责任者, 变量): its title, one box per entry, and an add button. */
export function ArrayTemplate({ title, required, items, canAdd, onAddClick, disabled, readonly, registry, uiSchema, fieldPathId }: ArrayFieldTemplateProps) {
  const { AddButton } = registry.templates.ButtonTemplates;
  return (
    <div id={fieldPathId.$id} style={{ marginBottom: 8 }}>
      <Heading title={getUiOptions(uiSchema).title ?? title} required={required} />
      <Flex vertical gap={8}>
        {items}
        {canAdd && <AddButton id={`${fieldPathId.$id}__add`} className="rjsf-array-item-add" disabled={disabled || readonly} onClick={onAddClick} uiSchema={uiSchema} registry={registry} />}
      </Flex>
    </div>
  );
}

/** One entry of a list: numbered, with move and remove buttons. */
export function ArrayItemTemplate({ children, buttonsProps, hasToolbar, index, registry }: ArrayFieldItemTemplateProps) {
  const { translateString } = registry;
  const { hasMoveUp, hasMoveDown, hasRemove, onMoveUpItem, onMoveDownItem, onRemoveItem, disabled, readonly } = buttonsProps;
  const off = disabled || readonly;
  const tool = (label: string, icon: ReactNode, onClick: () => void, enabled: boolean, danger = false) => (
    <Tooltip title={label}>
      <Button type="text" size="small" danger={danger} icon={icon} aria-label={label} disabled={off || !enabled} onClick={onClick} />
    </Tooltip>
  );
  return (
    <Box>
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">
          {translateString(TranslatableString.ArrayItemTitle)} {index + 1}
        </Typography.Text>
        {hasToolbar && (
          <Flex gap={2}>
            {(hasMoveUp || hasMoveDown) && tool(translateString(TranslatableString.MoveUpButton), <ArrowUpOutlined />, onMoveUpItem, hasMoveUp)}
            {(hasMoveUp || hasMoveDown) && tool(translateString(TranslatableString.MoveDownButton), <ArrowDownOutlined />, onMoveDownItem, hasMoveDown)}
            {hasRemove && tool(translateString(TranslatableString.RemoveButton), <DeleteOutlined />, onRemoveItem, true, true)}
          </Flex>
        )}
      </Flex>
      {children}
    </Box>
  );
}

/** "添加" as a dashed full-width button, so an empty list says how to fill it. */
export function AddButton({ onClick, disabled, registry, id, className }: IconButtonProps) {
  return (
    <Button id={id} className={className} type="dashed" block icon={<PlusOutlined />} disabled={disabled} onClick={onClick}>
      {registry.translateString(TranslatableString.AddItemButton)}
    </Button>
  );
}
