import { Resvg } from '@resvg/resvg-js';

/**
 * SVG to PNG without a browser: resvg's prebuilt native binary ships inside the npm package.
 * Drawn at twice the size it is shown, so it stays sharp when printed. Text needs a font on
 * the machine (DejaVu or Liberation locally; see docs/report.md for Lambda).
 */
export function svgToPng(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
