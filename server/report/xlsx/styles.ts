/**
 * The report's fixed style table (styles.xml): plain, the header (bold on light blue, centred, wrapped), the
 * cross tables' title, and every mix of bold × Excel's 好/差 fills × the two number formats — so a cell's style
 * is an index looked up, never a style object built and compared per cell.
 */

/** Number formats the report uses. */
export const FMT = { pct: '0.0%', dec: '0.00' } as const;
export type NumFmt = (typeof FMT)[keyof typeof FMT];

/** Cell fills that mark a figure against its target (Excel's own 好/差 colours, which print in grey too). */
export type Fill = 'good' | 'bad';

/** How a cell looks, as the report's sheets ask for it. */
export interface Look {
  bold?: boolean;
  fill?: Fill;
  numFmt?: NumFmt;
}

/** Style index of a cell with nothing set. */
export const PLAIN = 0;
/** Style index of a header cell. */
export const HEADER = 1;
/** Style index of a sheet title (bold, 13 pt). */
export const TITLE = 2;

const FILLS: (Fill | undefined)[] = [undefined, 'good', 'bad'];
const FMTS: (NumFmt | undefined)[] = [undefined, FMT.pct, FMT.dec];
const FILL_RGB: Record<Fill, { bg: string; font: string }> = {
  good: { bg: 'FFC6EFCE', font: 'FF006100' },
  bad: { bg: 'FFFFC7CE', font: 'FF9C0006' },
};
/** Excel's built-in 0.00 is id 2; 0.0% has no built-in id and gets the first custom one. */
const FMT_ID: Record<NumFmt, number> = { '0.0%': 164, '0.00': 2 };

/** The style index of a look: 3 + bold × 9 + fill × 3 + format (a plain look is index 0). */
export function styleOf(look: Look): number {
  const i = (look.bold ? 9 : 0) + FILLS.indexOf(look.fill) * 3 + FMTS.indexOf(look.numFmt);
  return i === 0 ? PLAIN : 3 + i;
}

const font = (bold: boolean, size = 11, rgb?: string) =>
  `<font>${bold ? '<b/>' : ''}<sz val="${size}"/>${rgb ? `<color rgb="${rgb}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`;
const solid = (rgb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;

/** styles.xml for the table above. */
export function stylesXml(): string {
  // Fonts: 0 plain, 1 bold, 2 title, then (bold × fill) for the coloured fills: 3 good, 4 bad, 5 bold good, 6 bold bad.
  const fonts = [font(false), font(true), font(true, 13), font(false, 11, FILL_RGB.good.font), font(false, 11, FILL_RGB.bad.font), font(true, 11, FILL_RGB.good.font), font(true, 11, FILL_RGB.bad.font)];
  // Fills: 0 none and 1 gray125 (required first two), 2 header, 3 good, 4 bad.
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', solid('FFDDEBF7'), solid(FILL_RGB.good.bg), solid(FILL_RGB.bad.bg)];
  const xf = (numFmt: number, fontId: number, fillId: number, inner = '') =>
    `<xf numFmtId="${numFmt}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${numFmt ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${inner ? ` applyAlignment="1">${inner}</xf>` : '/>'}`;
  const xfs = [xf(0, 0, 0), xf(0, 1, 2, '<alignment horizontal="center" vertical="center" wrapText="1"/>'), xf(0, 2, 0)];
  for (const bold of [false, true])
    for (const [f, fill] of FILLS.entries())
      for (const fmt of FMTS) {
        const fontId = fill ? (fill === 'good' ? 3 : 4) + (bold ? 2 : 0) : bold ? 1 : 0;
        xfs.push(xf(fmt ? FMT_ID[fmt] : 0, fontId, fill ? 2 + f : 0));
      }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
    `<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
    `<fills count="${fills.length}">${fills.join('')}</fills>` +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
  );
}
