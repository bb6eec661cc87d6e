/** Escapes text for HTML. */
export function esc(text: unknown): string {
  return String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}

/**
 * Readable API docs from the served OpenAPI document, as plain HTML: no CDN, no script, so
 * they work offline and behind a strict content security policy.
 */
export function docsPage(document: {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}): string {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const section = ({ path, method, op }: (typeof operations)[number]) => `
<section aria-labelledby="${esc(`${method}-${path}`)}">
  <h2 id="${esc(`${method}-${path}`)}"><code>${esc(method.toUpperCase())} /api/v1${esc(path)}</code></h2>
  <p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}
  ${
    op.parameters?.length
      ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">About</th></tr></thead><tbody>${op.parameters
          .map(
            (p) =>
              `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${esc(p.description)}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : ''
  }
  ${op.requestBody ? '<p>Body: JSON, see <code>UpdateBody</code> in the OpenAPI document.</p>' : ''}
  <table><caption>Responses</caption><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th></tr></thead><tbody>${Object.entries(
    op.responses ?? {},
  )
    .map(([status, r]) => `<tr><td>${esc(status)}</td><td>${esc(r.description)}</td></tr>`)
    .join('')}</tbody></table>
</section>`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(document.info.title)} — API docs</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;color:#1b1b1b}code{background:#f1f1f1;padding:0 .2em}table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border:1px solid #949494;padding:.25rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:600}section{border-top:1px solid #ccc;margin-top:1.5rem}</style>
</head><body>
<header><h1>${esc(document.info.title)} <small>v${esc(document.info.version)}</small></h1></header>
<main>
<p>${esc(document.info.description)}</p>
<p>Send an API key as <code>Authorization: Bearer &lt;key&gt;</code> (<code>npm run apikey -- create --ijb midlothian --scope read --name "Power BI"</code>). Errors are <code>application/problem+json</code> (RFC 9457). The machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
${operations.map(section).join('\n')}
</main></body></html>`;
}
