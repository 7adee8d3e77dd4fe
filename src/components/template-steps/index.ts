// The template and content steps shared by the wizards that send a template (SendMessageWizard,
// ChatThread's "Send template", the campaign wizard): state through props, no widget context.
export { TemplatePicker } from './TemplatePicker';
export type { TemplatePickerProps } from './TemplatePicker';
export { ContactFieldSelect, TemplateContentFields, contactFieldLabel, contactFieldsOf, templateIssueText } from './TemplateContentFields';
export type { ContactFieldSelectProps, TemplateContentFieldsProps, TemplateVariableSourceContext } from './TemplateContentFields';
export { useTemplateContent } from './useTemplateContent';
export type { TemplateContentState, UseTemplateContentOptions, UseTemplateContentResult } from './useTemplateContent';
export { emptyTemplateContentValues, templateContentIssues, variableLimit } from './templateContent';
export type { TemplateContentField, TemplateContentIssue, TemplateContentIssues, TemplateContentValues } from './templateContent';
export type { TemplateStepsPartProps } from './templateStepsParts';
