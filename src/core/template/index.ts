export { buildTemplateMessage } from './buildTemplateMessage';
export type { BuildTemplateMessageOptions } from './buildTemplateMessage';
export { contactFieldValue, standardContactFields } from './contactFieldValue';
export type { ContactField } from './contactFieldValue';
export { findMessageDifference } from './findMessageDifference';
export type { MessageDifference } from './findMessageDifference';
export { formatWhatsAppText } from './formatWhatsAppText';
export { parseTemplate } from './parseTemplate';
export { renderTemplate } from './renderTemplate';
export { resolveTemplateParameters } from './resolveTemplateParameters';
export type { ResolveTemplateParametersOptions } from './resolveTemplateParameters';
export { templateLimits, validateTemplateParameters } from './validateTemplateParameters';
export type {
  FormattedNode,
  ParsedTemplate,
  RenderedButton,
  RenderedTemplate,
  TemplateIssue,
  TemplateIssueCode,
  TemplateVariable,
  TemplateVariablePath,
} from './types';
