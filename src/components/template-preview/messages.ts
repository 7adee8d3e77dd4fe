import { useOptionalWidgetMessages } from '../../data/internal/useWidgetMessages';
import { templatePreviewMessages } from '../../data/strings/templatePreview';

// TemplatePreview's strings (see src/data/messages.ts): its files import `useOptionalMessages`
// from here, so the widget carries only these strings and `t` accepts only their keys.
const tables = [templatePreviewMessages] as const;

/**
 * Messages for TemplatePreview, which needs no data: the nearest `<ReachoutProvider>`'s overrides
 * and locale when there is one, the English defaults otherwise, so a host can render it on a page
 * without a data provider.
 */
export function useOptionalMessages() {
  return useOptionalWidgetMessages(tables);
}
