import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type ResvgModule = typeof import('@resvg/resvg-js');

/**
 * SVG to PNG without a browser: resvg's prebuilt native binary ships inside the npm package.
 * Drawn at twice the size it is shown, so it stays sharp when printed. Text needs a font on
 * the machine (DejaVu or Liberation locally).
 *
 * Loaded through `require` at run time, not imported: a bundler cannot pack a native `.node`
 * binary (esbuild has no loader for it), so the CDK app puts resvg and its Linux arm64 binary
 * in node_modules beside the bundle of the functions that build reports (cdk/report-natives.ts).
 * Where it is not installed this answers undefined and the paper shows the chart's figures as a table.
 */
export function svgToPng(svg: string, width: number): Uint8Array | undefined {
  const resvg = loadResvg();
  if (!resvg) return undefined;
  const fonts = bundledFontDirs();
  const image = new resvg.Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    // The bundled fonts alone where they are (Lambda), so the chart is drawn the same every time.
    font: { loadSystemFonts: fonts.length === 0, fontDirs: fonts, defaultFontFamily: 'DejaVu Sans' },
  });
  return image.render().asPng();
}

/** On Lambda, the fonts the CDK app ships beside the bundle (cdk/report-natives.ts): it has none of its own. */
function bundledFontDirs(): string[] {
  const root = process.env.LAMBDA_TASK_ROOT;
  const dir = root ? join(root, 'fonts') : undefined;
  return dir && existsSync(dir) ? [dir] : [];
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
