/**
 * The XML stream gives the same events however the inflated text is cut into chunks: a tag name, an attribute, an
 * entity, a CDATA section or a CR LF split between two chunks is read as if it had come in one piece.
 */
import fc from 'fast-check';
import { parsePart, type Attrs, type XmlHandler } from '../../../server/xlsx/xml-stream';
import type { Package } from '../../../server/xlsx/zip';

const XML =
  '<?xml version="1.0"?>\r\n<x:worksheet xmlns:x="urn:x"><!-- a comment --><x:sheetData>' +
  '<x:row r="1" spans=\'1:3\'><x:c r="A1" t="s"><x:v>12</x:v></x:c><x:c\n r="B1" t="inlineStr"><x:is><x:t xml:space="preserve"> a &amp; b &#x4E2D;\r\n</x:t></x:is></x:c>' +
  '<x:c r="C1" t="str"><x:v><![CDATA[<=1+2>]]></x:v></x:c></x:row>' +
  '<x:row r="2"><x:c r="A2" t="e"><x:v>#N/A</x:v></x:c><x:c r="B2" s="3"/></x:row></x:sheetData>' +
  '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';

/** A package whose one part comes in the given pieces. */
function pieces(parts: string[]): Package {
  return { async *text() { yield* parts; } } as unknown as Package;
}

/** Every event as a line: opened elements with their attributes as read, closings, and text between them. */
async function events(pkg: Package): Promise<string[]> {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  const h: XmlHandler = {
    wantText: true,
    open(name: string, a: Attrs) {
      flush();
      out.push(`open ${name} r=${a.get('r')} t=${a.get('t')} s=${a.get('s')} spans=${a.get('spans')} ref=${a.get('ref')} space=${a.any('space')}`);
    },
    close(name: string) {
      flush();
      out.push(`close ${name}`);
    },
    text(t: string) {
      text += t;
    },
  };
  await parsePart(pkg, 'p', h);
  flush();
  return out;
}

describe('XML stream across chunk boundaries', () => {
  test('whole, the part reads as written: prefixes dropped, entities, CDATA and line ends handled', async () => {
    const whole = await events(pieces([XML]));
    expect(whole).toContain('open c r=B1 t=inlineStr s=undefined spans=undefined ref=undefined space=undefined');
    expect(whole).toContain('open t r=undefined t=undefined s=undefined spans=undefined ref=undefined space=preserve');
    expect(whole).toContain('text " a & b 中\\n"');
    expect(whole).toContain('text "<=1+2>"');
    expect(whole).toContain('open row r=1 t=undefined s=undefined spans=1:3 ref=undefined space=undefined');
    expect(whole).toContain('open mergeCell r=undefined t=undefined s=undefined spans=undefined ref=A1:B1 space=undefined');
    expect(whole.filter((e) => e.startsWith('text')).some((e) => e.includes('\\r'))).toBe(false);
  });

  test('cut anywhere, into any number of pieces, it gives the same events', async () => {
    const whole = await events(pieces([XML]));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: XML.length - 1 }), { maxLength: 40 }), async (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), XML.length];
        const parts = at.slice(1).map((end, i) => XML.slice(at[i], end));
        expect(await events(pieces(parts))).toEqual(whole);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  test('one character at a time', async () => {
    expect(await events(pieces([...XML]))).toEqual(await events(pieces([XML])));
  });
});
