/** What the inspector writes as text and what it links (pure helpers of client/src/inspector/format.ts). */
import { groupText, webAddress } from '../../client/src/inspector/format';

test('a source is linked only to an absolute http or https address; anything else is not a link', () => {
  expect(webAddress('https://www.chinadaily.com.cn/business/2017-06/23/content_29852548.htm')).toBe('https://www.chinadaily.com.cn/business/2017-06/23/content_29852548.htm');
  expect(webAddress(' http://example.com/a?b=1 ')).toBe('http://example.com/a?b=1');
  for (const text of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', '//example.com/a', '/news/1', 'example.com', 'not a url', '', null]) {
    expect(webAddress(text)).toBeNull();
  }
});

test('a relationship group reads with its direction', () => {
  expect(groupText('OWNS', 'out')).toBe('OWNS →');
  expect(groupText('OWNS', 'in')).toBe('← OWNS');
});
