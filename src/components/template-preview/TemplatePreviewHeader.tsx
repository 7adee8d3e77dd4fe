import { forwardRef, useState } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { isHttpUrl } from '../../core/template/templateText';
import type { RenderedTemplate } from '../../core/template/types';
import { DocumentIcon, ImageIcon, LocationIcon, VideoIcon } from '../internal/icons';
import { useOptionalMessages } from './messages';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { FormattedText } from './FormattedText';
import { usePartClassName, useTemplatePreviewContext } from './TemplatePreviewRoot';

/** A rendered header: formatted text, or an image, video, document or location. */
export type RenderedTemplateHeader = NonNullable<RenderedTemplate['header']>;

export interface TemplatePreviewHeaderProps extends ComponentPropsWithoutRef<'div'> {
  /** The header from `renderTemplate(...)`. */
  header: RenderedTemplateHeader;
  /**
   * The template's language (BCP 47), set on a text header so screen readers pick the voice.
   * Media labels are interface text and keep the page's language.
   * @default undefined (the page's language)
   */
  lang?: string;
  /**
   * Leaves out Reachout's classes; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/**
 * Whether a link can be shown as an image: a web link, or a local image (data: or blob:). Anything
 * else ("not a url") would be requested relative to the host's page.
 */
function isImageSource(link: string): boolean {
  return isHttpUrl(link) || /^data:image\//i.test(link) || link.startsWith('blob:');
}

/** The last path segment of a link, decoded: `invoice_0042.pdf`. */
function fileNameOf(link: string): string {
  try {
    const segment = new URL(link).pathname.split('/').filter(Boolean).at(-1);
    return segment === undefined ? link : decodeURIComponent(segment);
  } catch {
    return link;
  }
}

function isFilled(header: RenderedTemplateHeader): boolean {
  switch (header.type) {
    case 'text':
      return header.content.every((node) => node.type !== 'variable' || node.value !== null);
    case 'image':
    case 'video':
    case 'document':
      return header.link !== null;
    case 'location':
      return header.latitude !== null && header.longitude !== null;
    default:
      return header satisfies never;
  }
}

interface MediaProps {
  icon: ReactNode;
  label: string;
  detail?: ReactNode;
  unstyled: boolean | undefined;
}

// The placeholder a customer's phone shows before the media loads: icon, kind, name.
function Media({ icon, label, detail, unstyled }: MediaProps) {
  const { t, locale } = useOptionalMessages();
  const mediaClass = usePartClassName('TemplatePreview.Header', 'reachout-template-preview__media', unstyled, undefined);
  const labelClass = usePartClassName('TemplatePreview.Header', 'reachout-template-preview__media-label', unstyled, undefined);
  const detailClass = usePartClassName('TemplatePreview.Header', 'reachout-template-preview__media-detail', unstyled, undefined);
  return (
    <div data-slot="template-preview-media" className={mediaClass}>
      {icon}
      <div data-slot="template-preview-media-label" className={labelClass}>
        {label}
        {detail === undefined && (
          <VisuallyHidden lang={locale}> {t('templatePreview.variable.unfilled')}</VisuallyHidden>
        )}
      </div>
      {detail !== undefined && (
        <div data-slot="template-preview-media-detail" className={detailClass} dir="auto">
          {detail}
        </div>
      )}
    </div>
  );
}

/**
 * The header: bold formatted text, or a media header. An image with a link shows the image
 * (falling back to the placeholder if it cannot load: Meta's example links expire); video,
 * document and location show an icon, their kind and their name, filename or address.
 * `data-type` says which, `data-state` whether it is filled.
 */
export const TemplatePreviewHeader = forwardRef<HTMLDivElement, TemplatePreviewHeaderProps>(function TemplatePreviewHeader(
  { header, lang, unstyled, className, ...props },
  ref,
) {
  const { t } = useOptionalMessages();
  const context = useTemplatePreviewContext();
  const isUnstyled = unstyled ?? context.unstyled;
  const partClassName = usePartClassName('TemplatePreview.Header', 'reachout-template-preview__header', unstyled, className);
  const imageClass = usePartClassName('TemplatePreview.Header', 'reachout-template-preview__image', unstyled, undefined);
  const iconProps = {
    className: usePartClassName('TemplatePreview.Header', 'reachout-template-preview__media-icon', unstyled, undefined),
    'data-slot': 'template-preview-media-icon',
  };
  // Keyed by link, so choosing another image tries again.
  const [failedLink, setFailedLink] = useState<string | null>(null);

  let content: ReactNode;
  switch (header.type) {
    case 'text':
      content = <FormattedText nodes={header.content} />;
      break;
    case 'image':
      content =
        header.link !== null && header.link !== failedLink && isImageSource(header.link) ? (
          <img
            data-slot="template-preview-image"
            className={imageClass}
            src={header.link}
            alt={t('templatePreview.header.imageAlt')}
            decoding="async"
            onError={() => setFailedLink(header.link)}
          />
        ) : (
          <Media
            icon={<ImageIcon {...iconProps} />}
            label={t('templatePreview.header.image')}
            detail={header.link === null ? undefined : t('templatePreview.header.imageUnavailable')}
            unstyled={isUnstyled}
          />
        );
      break;
    case 'video':
      content = (
        <Media
          icon={<VideoIcon {...iconProps} />}
          label={t('templatePreview.header.video')}
          detail={header.link === null ? undefined : fileNameOf(header.link)}
          unstyled={isUnstyled}
        />
      );
      break;
    case 'document':
      content = (
        <Media
          icon={<DocumentIcon {...iconProps} />}
          label={t('templatePreview.header.document')}
          detail={header.link === null ? undefined : (header.filename ?? fileNameOf(header.link))}
          unstyled={isUnstyled}
        />
      );
      break;
    case 'location': {
      const place = [header.name, header.address].filter(Boolean).join(' · ');
      content = (
        <Media
          icon={<LocationIcon {...iconProps} />}
          label={t('templatePreview.header.location')}
          detail={
            header.latitude === null || header.longitude === null
              ? undefined
              : place || `${header.latitude}, ${header.longitude}`
          }
          unstyled={isUnstyled}
        />
      );
      break;
    }
    default:
      content = header satisfies never;
  }

  return (
    <div
      ref={ref}
      data-slot="template-preview-header"
      data-type={header.type}
      data-state={isFilled(header) ? 'filled' : 'unfilled'}
      className={partClassName}
      {...(header.type === 'text' ? { dir: 'auto', lang } : {})}
      {...props}
    >
      {content}
    </div>
  );
});
