import type { ReactNode } from 'react';
import type { FormattedNode } from '../../core/template/types';
import { useTemplatePreviewContext } from './TemplatePreviewRoot';
import { TemplatePreviewVariable } from './TemplatePreviewVariable';

export interface FormattedTextProps {
  /** Nodes from `renderTemplate` or `formatWhatsAppText`. */
  nodes: readonly FormattedNode[];
}

/**
 * Renders WhatsApp-formatted text as elements: `<strong>`, `<em>`, `<s>`, `<code>`, `<br>`,
 * and variables through `TemplatePreview.Variable` (or the Root's `components.Variable`).
 * Never HTML: every string is a React text node, so nothing in a template or a value is parsed.
 * Renders no wrapper of its own, so it fits in any block.
 *
 * @example
 * <p dir="auto"><FormattedText nodes={formatWhatsAppText(ticket.notification.body)} /></p>
 */
export function FormattedText({ nodes }: FormattedTextProps) {
  const { components } = useTemplatePreviewContext();
  const Variable = components.Variable ?? TemplatePreviewVariable;

  function render(list: readonly FormattedNode[]): ReactNode[] {
    // Nodes are derived from the template and never reorder in place, so the index is stable.
    return list.map((node, index) => {
      switch (node.type) {
        case 'text':
          return node.text;
        case 'variable':
          return node.monospace ? (
            <code key={index}>
              <Variable node={node} />
            </code>
          ) : (
            <Variable key={index} node={node} />
          );
        case 'bold':
          return <strong key={index}>{render(node.children)}</strong>;
        case 'italic':
          return <em key={index}>{render(node.children)}</em>;
        case 'strikethrough':
          return <s key={index}>{render(node.children)}</s>;
        case 'monospace':
          return <code key={index}>{node.text}</code>;
        case 'linebreak':
          return <br key={index} />;
        default:
          return node satisfies never;
      }
    });
  }

  return <>{render(nodes)}</>;
}
