/**
 * Markdown → safe HTML, for every Markdown text the app shows: bundled materials today,
 * imported content packs later, so all of it is treated as untrusted. marked turns it into
 * HTML; a dedicated DOMPurify instance keeps only plain formatting tags and applies our URL
 * policy:
 * - images only from the app's own origin (the bundle): `images/x.svg` references are mapped
 *   to the URLs the build gave the files, and anything remote, data: or unknown is dropped;
 * - links only https:, tel: or in-app `#/…`; https links open in a new tab without an opener.
 * Runs in the browser (and in jsdom tests): DOMPurify needs a DOM.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, async: false });
const purify = DOMPurify(window);

const allowedTags = [
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  'del',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'pre',
  'hr',
];
const allowedLink = /^(https:\/\/|tel:|#\/)/i;

/** Image references the current render may use; set for the duration of one `sanitize` call. */
let imageUrls: Readonly<Record<string, string>> = {};

function sameOrigin(url: string): boolean {
  try {
    const resolved = new URL(url, document.baseURI);
    return resolved.origin === location.origin && /^https?:$/.test(resolved.protocol);
  } catch {
    return false;
  }
}

purify.addHook('uponSanitizeAttribute', (node, data) => {
  if (data.attrName === 'src') {
    const mapped = imageUrls[data.attrValue];
    if (node.nodeName === 'IMG' && mapped !== undefined && sameOrigin(mapped)) {
      data.attrValue = mapped;
    } else {
      // Not one of the material's bundled images: no remote, data: or guessed paths.
      data.keepAttr = false;
    }
  } else if (data.attrName === 'href' && !allowedLink.test(data.attrValue.trim())) {
    data.keepAttr = false;
  }
});

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'IMG' && !node.getAttribute('src')) node.remove();
  if (node.nodeName === 'A' && /^https:/i.test(node.getAttribute('href') ?? '')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

export interface RenderOptions {
  /** Image references used in the Markdown (`images/x.svg`) → their bundled URLs. */
  images?: Readonly<Record<string, string>>;
}

/** Sanitises HTML with the policy above. */
export function sanitizeHtml(html: string, options: RenderOptions = {}): string {
  imageUrls = options.images ?? {};
  try {
    return purify.sanitize(html, {
      ALLOWED_TAGS: allowedTags,
      ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'target', 'rel'],
      ALLOW_DATA_ATTR: false,
      // URL checks are done by the hooks; this only lets their results through.
      ALLOWED_URI_REGEXP: /^(?:https?:|tel:|#\/|images\/|\.{0,2}\/)/i,
    });
  } finally {
    imageUrls = {};
  }
}

/** Markdown → sanitised HTML. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  return sanitizeHtml(marked.parse(markdown) as string, options);
}
