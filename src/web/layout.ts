import type { DirectionStatus } from '../domain/direction';

/** Escapes text for HTML text and attribute values. */
export function esc(text: unknown): string {
  return String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Status colours: each a light fill with dark text (WCAG AA contrast well above 4.5:1), and
 * always with the status in words — colour is never the only signal.
 */
export const STATUS_COLOURS: Record<DirectionStatus, { fill: string; ink: string }> = {
  'not-reported': { fill: '#e6e6e6', ink: '#1b1b1b' },
  'not-started': { fill: '#dde6f3', ink: '#12305a' },
  'on-track': { fill: '#cfe9d6', ink: '#0b4d1a' },
  'at-risk': { fill: '#fbe3a6', ink: '#4d3200' },
  'off-track': { fill: '#f6cccc', ink: '#6b0b0b' },
  achieved: { fill: '#c8e4f5', ink: '#053452' },
  retired: { fill: '#e3dbef', ink: '#34195c' },
};

const STYLE = `
:root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#8a8a8a;--link:#0b4f9c;--bg:#fff}
*{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--link)}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #1d70b8;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header.site,footer.site{background:#1b2b3a;color:#fff;padding:.75rem 1rem}header.site a,footer.site a{color:#fff}
main{max-width:64rem;margin:0 auto;padding:1rem}
.badge{display:inline-block;padding:0 .5em;border-radius:.25em;font-size:.875rem;font-weight:600;white-space:nowrap}
ul.directions{list-style:none;padding:0}ul.directions li{border-top:1px solid #ccc;padding:.5rem 0}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}
form.search input{font:inherit;padding:.4rem;border:2px solid var(--ink);min-width:16rem;max-width:100%}
form.search button{font:inherit;padding:.4rem 1rem;border:2px solid var(--ink);background:#1b2b3a;color:#fff;cursor:pointer}
svg{max-width:100%;height:auto}.muted{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.facts dt{font-weight:600}
.text{white-space:pre-line}ol.history{padding-left:1.25rem}ol.history li{margin-bottom:.75rem}
table.returns{border-collapse:collapse;width:100%}table.returns th,table.returns td{border-top:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
.scroll{overflow-x:auto}meter{width:100%;max-width:24rem;height:1.25rem}ul.downloads{padding-left:1.25rem}
nav.crumbs ol{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}nav.crumbs li+li::before{content:"›";margin-right:.5rem}
`;

export function badge(status: DirectionStatus, label: string): string {
  const { fill, ink } = STATUS_COLOURS[status];
  return `<span class="badge" style="background:${fill};color:${ink}">${esc(label)}</span>`;
}

/** Every page: a skip link, a banner, one main landmark, a footer. */
export function page(input: { title: string; body: string; ijbName?: string }): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)} — IJB Directions</title><style>${STYLE}</style></head>
<body><a class="skip" href="#main">Skip to content</a>
<header class="site"><strong>IJB Directions</strong>${input.ijbName ? ` · ${esc(input.ijbName)}` : ''} <span class="muted" style="color:#d6dde4">— read-only register</span></header>
<main id="main" tabindex="-1">${input.body}</main>
<footer class="site"><p>The register of an Integration Joint Board’s Directions. <a href="/api/docs">API</a></p></footer>
</body></html>`;
}
