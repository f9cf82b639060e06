import type { RegistryFieldsType, RegistryWidgetsType, TemplatesType } from '@rjsf/utils';
import { ArrayFieldItemTemplate, ArrayFieldTemplate, ButtonTemplates } from './ArrayTemplates';
import { AttachmentField } from './AttachmentField';
import { BaseInputTemplate, TextareaWidget } from './BufferedInputs';
import { CheckboxesWidget, RadioWidget, SelectWidget } from './choice-widgets';
import { FieldTemplate } from './FieldTemplate';
import { MobileWidget, ResidentIdWidget, UsccWidget } from './identifier-widgets';
import { ObjectFieldTemplate } from './ObjectFieldTemplate';
import { TableField } from './TableField';
import { DistrictWidget, OccupationWidget } from './reference-widgets';

/** The kit's RJSF theme: templates, widgets named in ui.json (`ui:widget`), and custom fields. */
export const templates: Partial<TemplatesType> = {
  FieldTemplate,
  ObjectFieldTemplate,
  BaseInputTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ButtonTemplates: ButtonTemplates as unknown as TemplatesType['ButtonTemplates'],
};

export const widgets: RegistryWidgetsType = {
  CheckboxesWidget,
  checkboxes: CheckboxesWidget,
  RadioWidget,
  radio: RadioWidget,
  SelectWidget,
  select: SelectWidget,
  TextareaWidget,
  textarea: TextareaWidget,
  uscc: UsccWidget,
  residentId: ResidentIdWidget,
  mobile: MobileWidget,
  district: DistrictWidget,
  occupation: OccupationWidget,
};

export const fields: RegistryFieldsType = {
  attachment: AttachmentField,
  table: TableField,
};
