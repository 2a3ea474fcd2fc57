import type { CSSProperties } from 'react';
import { MessageOutlined } from '@ant-design/icons';
import { helpId, type FieldHelpProps, type UiSchema } from '@rjsf/utils';

/** Notes pinned to top-level fields by key (a reviewer's open comments on a returned resource). */
export type FieldNotes = Readonly<Record<string, string>>;

const FLAGGED: CSSProperties = {
  border: '1px solid #ff4d4f',
  background: '#fff1f0',
  borderRadius: 8,
  padding: '8px 12px 0',
  marginBottom: 12,
};

/** The form's uiSchema with each noted field boxed in red and its note as the field's help (shown under it). */
export function withFieldNotes(uiSchema: UiSchema, notes: FieldNotes): UiSchema {
  const entries = Object.entries(notes);
  if (entries.length === 0) return uiSchema;
  const next: UiSchema = { ...uiSchema };
  for (const [key, note] of entries) {
    next[key] = { ...(uiSchema[key] as UiSchema | undefined), 'ui:classNames': 'hj-field-flagged', 'ui:style': FLAGGED, 'ui:help': note };
  }
  return next;
}

/** A field's help: only notes use it (the standard's help text is the description), so it reads as a comment. */
export function FieldNoteTemplate({ fieldPathId, help }: FieldHelpProps) {
  if (!help) return null;
  return (
    <div id={helpId(fieldPathId)} data-testid={`field-comment-${fieldPathId.path.join('.')}`} style={{ color: '#cf1322', whiteSpace: 'pre-wrap', paddingBottom: 4 }}>
      <MessageOutlined style={{ marginInlineEnd: 6 }} />
      {help}
    </div>
  );
}
