/**
 * W3C Web Annotation JSON-LD, the exchange format of Hypothesis, Recogito
 * and annotation servers. Each annotation targets its report with a
 * TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector
 * (code points, as the model says); tags become `tagging` bodies and the
 * note a `commenting` body. Everything else this tool knows (kind, status,
 * detection attributes) rides in one extension property under our own IRI,
 * which JSON-LD consumers ignore and our import reads back, so a round trip
 * loses nothing.
 */
import { fail, ok, type Result } from '../errors';
import type { Annotation, AnnotationStatus } from '../model';
import { ATTRIBUTE_KEYS, type ExportItem } from './export-item';
import { IdAllocator, placeImported, type ImportOptions } from './import-options';
import { locateJsonError } from './locate-json-error';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The extension property: a full IRI, so it needs no context entry of its own. */
export const EXTENSION_KEY = 'urn:x-report-annotator:annotation';
const ID_PREFIX = 'urn:x-report-annotator:id:';

interface TextualBody {
  readonly type: 'TextualBody';
  readonly purpose: 'tagging' | 'commenting';
  readonly value: string;
  readonly format?: string;
}

/** One W3C annotation as this tool writes it. */
export interface W3cAnnotation {
  readonly '@context': string;
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: string;
  readonly created: string;
  readonly modified: string;
  readonly creator?: string;
  readonly body: readonly TextualBody[];
  readonly target: {
    readonly source: string;
    readonly selector: readonly [
      { readonly type: 'TextQuoteSelector'; readonly exact: string; readonly prefix: string; readonly suffix: string },
      { readonly type: 'TextPositionSelector'; readonly start: number; readonly end: number },
    ];
  };
  readonly [EXTENSION_KEY]: Record<string, unknown>;
}

/** The W3C form of one annotation. */
export function toW3cAnnotation({ file, annotation }: ExportItem): W3cAnnotation {
  const body: TextualBody[] = annotation.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag }));
  if (annotation.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain' });
  const extension: Record<string, unknown> = { id: annotation.id, kind: annotation.kind, status: annotation.status };
  for (const key of ATTRIBUTE_KEYS) if (annotation[key] !== undefined) extension[key] = annotation[key];
  if (annotation.orphaned) extension.orphaned = true;
  return {
    '@context': W3C_CONTEXT,
    id: `${ID_PREFIX}${annotation.id}`,
    type: 'Annotation',
    motivation: annotation.status === 'rejected' ? 'assessing' : 'highlighting',
    created: annotation.created,
    modified: annotation.updated,
    ...(annotation.author ? { creator: annotation.author } : {}),
    body,
    target: {
      source: file,
      selector: [
        { type: 'TextQuoteSelector', exact: annotation.text, prefix: annotation.prefix, suffix: annotation.suffix },
        { type: 'TextPositionSelector', start: annotation.start, end: annotation.end },
      ],
    },
    [EXTENSION_KEY]: extension,
  };
}

/** A JSON array of W3C annotations, two-space indented, ending in a newline. */
export function toW3cJson(items: readonly ExportItem[]): string {
  return `${JSON.stringify(items.map(toW3cAnnotation), null, 2)}\n`;
}

/**
 * Annotations from W3C JSON: one annotation, an array of them, or an
 * AnnotationCollection/AnnotationPage (`items`, or `first.items`). Bodies
 * other than tagging and commenting text are ignored; an annotation without a
 * TextQuoteSelector cannot be placed and is a problem. The report text places
 * every annotation (its position selector first, then its quote).
 *
 * @returns `import-malformed` with the line of a JSON syntax error, or the
 *   index of the first annotation that cannot be read.
 */
export function fromW3cJson(json: string, options: ImportOptions): Result<Annotation[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return fail({ code: 'import-malformed', path: options.path, ...jsonErrorPosition(json), message: `not valid JSON: ${(error as Error).message}` });
  }
  const list = listAnnotations(parsed);
  if (!list) return fail({ code: 'import-malformed', path: options.path, line: 1, column: 1, message: 'expected a W3C Annotation, an array of them, or an AnnotationCollection' });
  const ids = new IdAllocator(options);
  const annotations: Annotation[] = [];
  for (const [index, item] of list.entries()) {
    const read = readAnnotation(item, ids, options);
    if (typeof read === 'string') return fail({ code: 'import-malformed', path: options.path, message: `annotation ${index + 1}: ${read}` });
    annotations.push(read);
  }
  return ok(placeImported(annotations, options.reportText));
}

function listAnnotations(parsed: unknown): unknown[] | undefined {
  if (Array.isArray(parsed)) return parsed;
  if (!isRecord(parsed)) return undefined;
  if (Array.isArray(parsed.items)) return parsed.items;
  if (isRecord(parsed.first) && Array.isArray(parsed.first.items)) return parsed.first.items;
  if (parsed.type === 'Annotation' || parsed.target !== undefined) return [parsed];
  return undefined;
}

/** The annotation, or why it cannot be read. */
function readAnnotation(item: unknown, ids: IdAllocator, options: ImportOptions): Annotation | string {
  if (!isRecord(item)) return 'not an object';
  const target = Array.isArray(item.target) ? item.target[0] : item.target;
  if (!isRecord(target)) return 'has no target';
  const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
  const quote = selectors.find((selector) => isRecord(selector) && selector.type === 'TextQuoteSelector') as Record<string, unknown> | undefined;
  const position = selectors.find((selector) => isRecord(selector) && selector.type === 'TextPositionSelector') as Record<string, unknown> | undefined;
  if (!quote || typeof quote.exact !== 'string') return 'has no TextQuoteSelector with an exact text';
  const start = position && Number.isInteger(position.start) ? (position.start as number) : 0;
  const end = position && Number.isInteger(position.end) ? (position.end as number) : start;
  if (start < 0 || end < start) return `has a TextPositionSelector with start ${start} and end ${end}`;
  const extension = isRecord(item[EXTENSION_KEY]) ? item[EXTENSION_KEY] : {};
  const bodies = (Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body]).filter(isRecord);
  const textOf = (body: Record<string, unknown>) => (typeof body.value === 'string' ? body.value : undefined);
  const tags = bodies.filter((body) => body.purpose === 'tagging').map(textOf).filter((tag): tag is string => tag !== undefined);
  const note = bodies.filter((body) => body.purpose === 'commenting').map(textOf).filter((text): text is string => text !== undefined).join('\n\n');
  const wantedId = typeof extension.id === 'string' ? extension.id : typeof item.id === 'string' && item.id.startsWith(ID_PREFIX) ? item.id.slice(ID_PREFIX.length) : undefined;
  const status: AnnotationStatus = extension.status === 'rejected' ? 'rejected' : 'accepted';
  const created = typeof item.created === 'string' ? item.created : options.now;
  const author = typeof item.creator === 'string' ? item.creator : isRecord(item.creator) && typeof item.creator.name === 'string' ? item.creator.name : options.author;
  const annotation: Record<string, unknown> = {
    id: ids.allocate(wantedId),
    kind: typeof extension.kind === 'string' && extension.kind ? extension.kind : 'highlight',
    status,
    text: quote.exact,
    start,
    end,
    line: 1,
    column: 1,
    prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
    suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    tags,
    note,
    created,
    updated: typeof item.modified === 'string' ? item.modified : created,
  };
  for (const key of ATTRIBUTE_KEYS) if (extension[key] !== undefined) annotation[key] = extension[key];
  if (author) annotation.author = author;
  return annotation as unknown as Annotation;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Line and column (1-based, code points) of the first invalid character. */
function jsonErrorPosition(json: string): { line?: number; column?: number } {
  const offset = locateJsonError(json);
  if (offset === undefined) return {};
  const lines = json.slice(0, offset).split('\n');
  return { line: lines.length, column: Array.from(lines[lines.length - 1] as string).length + 1 };
}
