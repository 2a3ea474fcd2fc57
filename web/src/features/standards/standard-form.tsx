import { useMemo } from 'react';
import Form from '@rjsf/antd';
import type { Experimental_DefaultFormStateBehavior, RegistryWidgetsType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { useTranslation } from 'react-i18next';
import { FieldNoteTemplate, withFieldNotes, type FieldNotes } from './field-notes';
import { buildFormModel } from './form-schema';
import { GroupedObjectFieldTemplate, TagsWidget, useRjsfTranslator } from './form-templates';
import { AddButton, ArrayItemTemplate, ArrayTemplate } from './nested-templates';
import { toErrorSchema } from './record-errors';
import type { RecordError, StandardDocument } from './standard-types';

/**
 * rjsf's validator only resolves the schema here (conditional fields, defaults): records are
 * checked by the API's validator, so every message a submitter sees comes from one place.
 */
const validator = customizeValidator({ AjvClass: Ajv2020 as unknown as typeof Ajv });

const WIDGETS: RegistryWidgetsType = { tags: TagsWidget };
const TEMPLATES = {
  ObjectFieldTemplate: GroupedObjectFieldTemplate,
  ArrayFieldTemplate: ArrayTemplate,
  ArrayFieldItemTemplate: ArrayItemTemplate,
  ButtonTemplates: { AddButton },
  FieldHelpTemplate: FieldNoteTemplate,
};
const NO_NOTES: FieldNotes = {};
/**
 * Defaults only where the standard gives one: no blank list entries, no first vocabulary term, no
 * "false" for a required yes/no question, so "required" speaks about what the submitter left out.
 */
const DEFAULT_STATE: Experimental_DefaultFormStateBehavior = {
  arrayMinItems: { populate: 'never' },
  emptyObjectFields: 'skipEmptyDefaults',
  constAsDefaults: 'skipOneOf',
  requiredBooleanDefault: 'skip',
};
const FORM_CONTEXT = { descriptionLocation: 'below' };

export type FormRecord = Record<string, unknown>;

export interface StandardFormProps {
  /** The standard version's document (GET /api/standard-versions/:id → document). */
  document: StandardDocument;
  /** The resource type to fill (data, report, ...). */
  type: string;
  value: FormRecord;
  onChange: (value: FormRecord) => void;
  /** Errors from POST /api/standard-versions/:id/validate, shown on the fields they name. */
  serverErrors?: readonly RecordError[];
  disabled?: boolean;
  /** Notes under top-level fields (a reviewer's open comments): the field is boxed in red with its note. */
  notes?: FieldNotes;
}

/**
 * The metadata form of one resource type, drawn from the standard's schema and annotations: what
 * submitters fill in, and what the standard's preview shows.
 */
export function StandardForm({ document, type, value, onChange, serverErrors = [], disabled, notes = NO_NOTES }: StandardFormProps) {
  const { t, i18n } = useTranslation();
  const translateString = useRjsfTranslator();
  const selectPlaceholder = t('standards.form.selectPlaceholder');
  const model = useMemo(() => buildFormModel(document, type, i18n.language, { selectPlaceholder }), [document, type, i18n.language, selectPlaceholder]);
  const extraErrors = useMemo(() => toErrorSchema(serverErrors, model.singleControlArrays), [serverErrors, model]);
  const uiSchema = useMemo(() => withFieldNotes(model.uiSchema, notes), [model, notes]);

  return (
    <div data-testid="standard-form" className="hj-standard-form">
      <Form
        key={`${type}:${i18n.language}`}
        schema={model.schema}
        uiSchema={uiSchema}
        formData={value}
        onChange={(event) => onChange((event.formData ?? {}) as FormRecord)}
        validator={validator}
        noValidate
        noHtml5Validate
        showErrorList={false}
        extraErrors={extraErrors}
        templates={TEMPLATES}
        widgets={WIDGETS}
        translateString={translateString}
        formContext={FORM_CONTEXT}
        experimental_defaultFormStateBehavior={DEFAULT_STATE}
        disabled={disabled}
      />
    </div>
  );
}
