import { createRequire } from 'node:module';

type ResvgModule = typeof import('@resvg/resvg-js');

/**
 * SVG to PNG without a browser: resvg's prebuilt native binary ships inside the npm package.
 * Drawn at twice the size it is shown, so it stays sharp when printed. Text needs a font on
 * the machine (DejaVu or Liberation locally).
 *
 * Loaded through `require` at run time, not imported: a bundler cannot pack a native `.node`
 * binary (esbuild has no loader for it), so the Lambda bundle leaves resvg out, and where it
 * is not installed this answers undefined and the paper shows the chart's figures as a table.
 */
export function svgToPng(svg: string, width: number): Uint8Array | undefined {
  const resvg = loadResvg();
  if (!resvg) return undefined;
  const image = new resvg.Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return image.render().asPng();
}

let loaded: ResvgModule | null | undefined;

function loadResvg(): ResvgModule | undefined {
  if (loaded === undefined) {
    try {
      const name = '@resvg/resvg-js';
      loaded = createRequire(import.meta.url)(name) as ResvgModule;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}
