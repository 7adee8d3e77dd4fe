/** TemplatePreview's strings. */
export const templatePreviewMessages = {
  'templatePreview.label': 'Preview of {name}',
  'templatePreview.variable.unfilled': 'not filled in yet',
  'templatePreview.header.image': 'Image',
  'templatePreview.header.imageAlt': 'Header image',
  'templatePreview.header.imageUnavailable': 'The image couldn’t be loaded',
  'templatePreview.header.video': 'Video',
  'templatePreview.header.document': 'Document',
  'templatePreview.header.location': 'Location',
  'templatePreview.buttons.label': 'Buttons',
  'templatePreview.button.codePlaceholder': 'offer code',
} as const;
