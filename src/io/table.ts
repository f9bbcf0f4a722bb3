/**
 * Plain-text tables for terminals: columns padded to their widest cell, counting East Asian wide
 * characters (Japanese, Korean headers) as two columns so they line up.
 */

/** Terminal columns a string takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Column widths that fit every row (the header included). */
export function columnWidths(rows: string[][]): number[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return widths;
}

/** One row, cells separated by two spaces and padded to `widths` (the last cell is not padded). */
export function tableRow(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) =>
      i === cells.length - 1 ? cell : cell + " ".repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell))),
    )
    .join("  ");
}
