/**
 * The XML stream gives the same events however the inflated text is cut into chunks: a tag name, an attribute, an
 * entity, a CDATA section or a CR LF split between two chunks is read as if it had come in one piece.
 */
import fc from 'fast-check';
import { Tokenizer } from 'htmlparser2';
import { parsePart, replaceReferences, type Attrs, type XmlHandler } from '../../../server/xlsx/xml-stream';
import type { Package } from '../../../server/xlsx/zip';

const XML =
  '<?xml version="1.0"?>\r\n<x:worksheet xmlns:x="urn:x"><!-- a comment --><x:sheetData>' +
  '<x:row r="1" spans=\'1:3\'><x:c r="A1" t="s"><x:v>12</x:v></x:c><x:c\n r="B1" t="inlineStr"><x:is><x:t xml:space="preserve"> a &amp; b &#x4E2D;\r\n</x:t></x:is></x:c>' +
  '<x:c r="C1" t="str"><x:v><![CDATA[<=1+2>]]></x:v></x:c></x:row>' +
  '<x:row r="2"><x:c r="A&#50;" t="e"><x:v>#N/A</x:v></x:c><x:c r="B2" s="&#x33;"/><x:c r="C2" t="str"><x:v>a&#13;&#10;b\r\nc&amp;amp;d&bogus;e&#128;</x:v></x:c><x:c r="D2" t="str"><x:v>x&lt;y</x:v></x:c></x:row></x:sheetData>' +
  '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';

/** A package whose one part comes in the given pieces. */
function pieces(parts: string[]): Package {
  return { async *text() { yield* parts; } } as unknown as Package;
}

/** Every event as a line: opened elements with their attributes as read, closings, and text between them. */
async function events(pkg: Package, inPlace?: { calls: number }): Promise<string[]> {
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
      const at = a.locate('r') ? a.src.slice(a.from, a.to) : '-';
      out.push(`open ${name} r=${a.get('r')} t=${a.get('t')} s=${a.get('s')} spans=${a.get('spans')} ref=${a.get('ref')} space=${a.any('space')} at=${at}`);
    },
    close(name: string) {
      flush();
      out.push(`close ${name}`);
    },
    text(t: string) {
      text += t;
    },
  };
  // A handler that takes plain text where it lies (textAt) must see the same characters as one given strings.
  if (inPlace)
    h.textAt = (src: string, from: number, to: number) => {
      inPlace.calls++;
      text += src.slice(from, to);
    };
  await parsePart(pkg, 'p', h);
  flush();
  return out;
}

describe('XML stream across chunk boundaries', () => {
  test('whole, the part reads as written: prefixes dropped, entities, CDATA and line ends handled', async () => {
    const whole = await events(pieces([XML]));
    expect(whole).toContain('open c r=B1 t=inlineStr s=undefined spans=undefined ref=undefined space=undefined at=B1');
    expect(whole).toContain('open t r=undefined t=undefined s=undefined spans=undefined ref=undefined space=preserve at=-');
    expect(whole).toContain('text " a & b 中\\n"');
    expect(whole).toContain('text "<=1+2>"');
    expect(whole).toContain('open row r=1 t=undefined s=undefined spans=1:3 ref=undefined space=undefined at=1');
    expect(whole).toContain('open mergeCell r=undefined t=undefined s=undefined spans=undefined ref=A1:B1 space=undefined at=-');
    // References in attribute values are replaced, whether the value is read whole or located in place.
    expect(whole).toContain('open c r=A2 t=e s=undefined spans=undefined ref=undefined space=undefined at=A2');
    expect(whole).toContain('open c r=B2 t=undefined s=3 spans=undefined ref=undefined space=undefined at=B2');
    // A literal CR LF is a line end (LF); a CR written as a reference is a character and stays, as XML says
    // (references are replaced after line ends are handled). &#128; is U+0080 in XML (HTML would read it as €);
    // `&amp;amp;` is `&amp;` once replaced; a malformed reference stays as written.
    expect(whole).toContain('text "a\\r\\nb\\nc&amp;d&bogus;e\u0080"');
    expect(whole).toContain('text "x<y"');
    expect(whole.filter((e) => e.startsWith('text') && !e.startsWith('text "a')).some((e) => e.includes('\\r'))).toBe(false);
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

  test('a handler taking text in place (textAt) sees the same events, however the part is cut', async () => {
    const whole = await events(pieces([XML]));
    const used = { calls: 0 };
    expect(await events(pieces([XML]), used)).toEqual(whole);
    expect(used.calls).toBeGreaterThan(0); // plain text (`12`, `#N/A`) went the in-place way
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: XML.length - 1 }), { maxLength: 40 }), async (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), XML.length];
        const parts = at.slice(1).map((end, i) => XML.slice(at[i], end));
        expect(await events(pieces(parts), { calls: 0 })).toEqual(whole);
      }),
      { numRuns: 400, seed: 9 },
    );
    expect(await events(pieces([...XML]), { calls: 0 })).toEqual(whole);
  });

  test('one character at a time', async () => {
    expect(await events(pieces([...XML]))).toEqual(await events(pieces([XML])));
  });
});

describe('references', () => {
  /** The text as htmlparser2's own entity decoder (XML mode) reads it. */
  function decodedByTokenizer(src: string): string {
    let out = '';
    const noop = () => {};
    const t = new Tokenizer(
      { xmlMode: true, decodeEntities: true },
      {
        onopentagname: noop, onattribname: noop, onattribdata: noop, onattribentity: noop, onattribend: noop, onopentagend: noop,
        onselfclosingtag: noop, onclosetag: noop, oncdata: noop, oncomment: noop, ondeclaration: noop, onprocessinginstruction: noop, onend: noop,
        ontext: (a, b) => (out += src.slice(a, b)),
        ontextentity: (cp) => (out += String.fromCodePoint(cp)),
      },
    );
    t.write(src);
    t.end();
    return out;
  }

  test('replaced as htmlparser2 decodes them, well formed or not', () => {
    // Digits that cannot spell 128–159, where HTML (and htmlparser2, even in XML mode) reads Windows-1252 instead.
    const piece = fc.constantFrom('&', '#', 'x', ';', 'amp', 'lt', 'gt', 'quot', 'apos', 'AMP', 'bogus', '0', '2', '5', '6', 'A', 'f', 'D', ' ', '中', 'z');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (ps) => {
        const s = ps.join('');
        expect(replaceReferences(s)).toBe(decodedByTokenizer(s));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  test('code points that cannot be characters become U+FFFD; others are the character', () => {
    expect(replaceReferences('&#0;&#xD800;&#x110000;&#99999999999999999999;')).toBe('\ufffd'.repeat(4));
    expect(replaceReferences('&#x1F600;&#128;&#x9F;&#9;')).toBe('😀\u0080\u009f\t');
  });
});
