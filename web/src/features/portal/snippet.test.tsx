import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Snippet, snippetParts, unescapeText } from './snippet';

describe('search snippets', () => {
  it('splits highlighted words from the text around them', () => {
    expect(snippetParts('浙江省<mark>慢性病</mark>队列 <mark>cohort</mark>')).toEqual([
      { text: '浙江省', marked: false },
      { text: '慢性病', marked: true },
      { text: '队列 ', marked: false },
      { text: 'cohort', marked: true },
    ]);
  });

  it('undoes the escaping once and leaves unknown entities alone', () => {
    expect(unescapeText('a &lt;b&gt; &amp;amp; &quot;c&quot; &#39;d&#x27; &bogus;')).toBe('a <b> &amp; "c" \'d\' &bogus;');
  });

  it('renders escaped and raw markup as text', () => {
    const { container } = render(<Snippet snippet={'&lt;script&gt;x()&lt;/script&gt;<mark>队列</mark><b onclick="y()">z</b>'} />);
    expect(container.querySelector('script, b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('队列');
    expect(container.textContent).toBe('<script>x()</script>队列<b onclick="y()">z</b>');
  });
});
