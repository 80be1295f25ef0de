/** Cell text as XML: escaped, CR kept, forbidden characters dropped, Excel's _xHHHH_ escape escaped, capped. */
import { capText, cellText, MAX_CELL_TEXT, xmlText } from '../../../server/report/xlsx/xml';

test('markup, quotes and CR are escaped; plain text (Chinese included) is returned as is', () => {
  expect(xmlText('<a href="x">&</a>]]>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;]]&gt;');
  expect(xmlText('a\r\nb\tc')).toBe('a&#13;\nb\tc');
  const plain = '五通桥区实验小学 2025-03 课题（1）';
  expect(xmlText(plain)).toBe(plain);
});

test('characters XML 1.0 forbids are dropped; emoji (surrogate pairs) kept, lone halves dropped', () => {
  const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
  expect(xmlText(`a${controls}b`)).toBe('a\t\n&#13;b');
  expect(xmlText('😀\uD83D\uDE00x\uD83Dy\uDE00z\uFFFE\uFFFF')).toBe('😀😀xyz');
});

test('text that reads as Excel’s _xHHHH_ escape has its underscore escaped, other underscores not', () => {
  expect(xmlText('_x0041_ and _X0041_ and _x00G1_ and a_b')).toBe('_x005F_x0041_ and _X0041_ and _x00G1_ and a_b');
  expect(xmlText('_x000D__x000a_')).toBe('_x005F_x000D__x005F_x000a_');
});

test('capText: at most 32,767 characters, ending in …, never splitting an emoji', () => {
  expect(capText('a'.repeat(MAX_CELL_TEXT))).toBe('a'.repeat(MAX_CELL_TEXT));
  expect(capText('a'.repeat(MAX_CELL_TEXT + 1))).toBe('a'.repeat(MAX_CELL_TEXT - 1) + '…');
  // The 32,766th unit would be the first half of 😀: the cut comes before the emoji.
  const cut = capText('a'.repeat(MAX_CELL_TEXT - 2) + '😀' + 'b');
  expect(cut).toBe('a'.repeat(MAX_CELL_TEXT - 2) + '…');
  expect(cellText('<'.repeat(MAX_CELL_TEXT + 5))).toBe('&lt;'.repeat(MAX_CELL_TEXT - 1) + '…');
});
