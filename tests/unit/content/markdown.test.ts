// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../../src/lib/content/markdown';

const images = { 'images/keo.svg': `${location.origin}/assets/keo-123.svg` };

function render(markdown: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(markdown, { images });
  return container;
}

describe('renderMarkdown', () => {
  test('Script elements in Markdown never reach the page', () => {
    const html = renderMarkdown(
      'Hello <script>alert(1)</script>\n\n<script src="https://evil.example/x.js"></script>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('alert(1)');
  });

  test('Event-handler attributes are removed, wherever they are written', () => {
    const element = render(
      '<img src="images/keo.svg" alt="x" onerror="alert(1)">\n\n<p onclick="alert(2)">tap</p>\n\n<a href="#/help" onmouseover="alert(3)">help</a>',
    );
    const attributes = [...element.querySelectorAll('*')].flatMap((node) =>
      [...node.attributes].map((a) => a.name),
    );
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    expect(element.innerHTML).not.toContain('alert');
  });

  test('javascript: links, in Markdown or in HTML, in any case or spacing, lose their target', () => {
    const element = render(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) <a href=" javascript:alert(3)">c</a> [d](data:text/html,<script>x</script>)',
    );
    const hrefs = [...element.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([null, null, null, null]);
    expect(element.innerHTML).not.toMatch(/javascript:/i);
  });

  test('Remote, data: and unknown images are dropped; bundled ones get their bundled URL', () => {
    const element = render(
      '![remote](https://evil.example/track.png) ![data](data:image/png;base64,AAAA) ![guess](images/other.svg) ![ok](images/keo.svg)',
    );
    const sources = [...element.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual([images['images/keo.svg']]);
    expect(element.querySelector('img')?.getAttribute('alt')).toBe('ok');
  });

  test('Ordinary formatting, https links, phone links and in-app links survive', () => {
    const element = render(
      '**Đậm** và *nghiêng*\n\n- một\n- hai\n\n[UNODC](https://www.unodc.org) [Gọi 113](tel:113) [Trợ giúp](#/help)',
    );
    expect(element.querySelector('strong')?.textContent).toBe('Đậm');
    expect(element.querySelectorAll('li')).toHaveLength(2);
    const links = [...element.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.unodc.org', 'tel:113', '#/help']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('Iframes, forms, styles and SVG payloads are removed', () => {
    const html = renderMarkdown(
      '<iframe src="https://x"></iframe><form action="https://x"><input></form><style>*{}</style><svg><script>x</script></svg>',
    );
    expect(html).not.toMatch(/<(iframe|form|input|style|svg|script)/i);
  });
});
