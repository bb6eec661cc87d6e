import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ApiResponse } from './api';

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document, walked by path
type Doc = any;

/**
 * Checks real responses against the OpenAPI document the server serves: the status must be
 * one the operation declares, the content type the declared one, and the body valid against
 * the declared schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 */
export function contractOf(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi' });
  const covered = new Set<string>();
  const pointer = (...parts: string[]) =>
    parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

  return {
    covered,
    /** Every (operation, status) the document declares. */
    declared(): Set<string> {
      const all = new Set<string>();
      for (const [path, methods] of Object.entries(doc.paths ?? {})) {
        for (const [method, op] of Object.entries(methods as Doc)) {
          for (const status of Object.keys((op as Doc).responses ?? {}))
            all.add(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
      return all;
    },
    /** Throws unless `response` is what the document says `method path` answers. */
    check(method: string, path: string, response: ApiResponse): void {
      const op = doc.paths?.[path]?.[method.toLowerCase()];
      if (!op) throw new Error(`${method} ${path} is not in the OpenAPI document`);
      const declared = op.responses?.[String(response.status)];
      if (!declared) {
        throw new Error(
          `${method} ${path} answered ${response.status}, which the document does not declare: ${response.text}`,
        );
      }
      const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
      const content = declared.content?.[type];
      if (!content)
        throw new Error(
          `${method} ${path} ${response.status} answered ${type}; declared ${Object.keys(declared.content ?? {})}`,
        );
      const ref = `openapi#/${pointer('paths', path, method.toLowerCase(), 'responses', String(response.status), 'content', type, 'schema')}`;
      const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
      if (!validate(response.body)) {
        throw new Error(
          `${method} ${path} ${response.status} body does not match its schema: ${ajv.errorsText(validate.errors)}\n${response.text.slice(0, 500)}`,
        );
      }
      covered.add(`${method.toUpperCase()} ${path} ${response.status}`);
    },
  };
}
