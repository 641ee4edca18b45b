import { escapeHtml } from './escape-html.ts';

/**
 * The opening every page the service writes shares, up to and including `</head>`: the doctype,
 * the language, UTF-8, a viewport for phones, the title, then the page's own head elements.
 */
export const htmlDocumentHead = (title: string, ...headElements: readonly string[]): readonly string[] => [
  '<!doctype html>',
  '<html lang="en">',
  '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
  `<title>${escapeHtml(title)}</title>`,
  ...headElements,
  '</head>',
];
