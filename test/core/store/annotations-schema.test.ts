import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ANNOTATION_FIELDS } from '../../../src/core/store/annotation-fields';
import { renderNewSidecar } from '../../../src/core/store/sidecar-writer';
import { HAND_WRITTEN, makeAnnotation } from './fixtures';

interface PropertySchema {
  readonly type?: string | string[];
  readonly enum?: unknown[];
  readonly description?: string;
}
interface SidecarSchema {
  readonly properties: Record<string, PropertySchema>;
  readonly required: string[];
  readonly definitions: { annotation: { properties: Record<string, PropertySchema>; required: string[] } };
}

const schemaPath = path.resolve(__dirname, '../../../schemas/annotations.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as SidecarSchema;

/** Loads ajv when the installed tree has it (it comes with the linters); the schema checks below then run against real files. */
function loadAjv(): (new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } }) | undefined {
  try {
    return require('ajv') as never;
  } catch {
    return undefined;
  }
}

describe('schemas/annotations.schema.json', () => {
  it('describes every field the parser knows, with the same required ones', () => {
    const annotation = schema.definitions.annotation;
    assert.deepEqual(Object.keys(annotation.properties), ANNOTATION_FIELDS.map((field) => field.key));
    assert.deepEqual(
      annotation.required,
      ANNOTATION_FIELDS.filter((field) => field.required).map((field) => field.key),
    );
    for (const field of ANNOTATION_FIELDS) {
      const property = annotation.properties[field.key] as PropertySchema;
      assert.ok((property.description ?? '').length > 10, `${field.key} has a description`);
      if (field.check.type === 'enum') assert.deepEqual(property.enum?.filter((value) => value !== null), [...field.check.values], field.key);
    }
  });

  it('has a description on every top-level field', () => {
    for (const [key, property] of Object.entries(schema.properties)) assert.ok((property.description ?? '').length > 10, key);
    assert.deepEqual(schema.required, ['version', 'source']);
  });

  it('accepts what the writer writes and a hand-written sidecar, and rejects a bad status', function () {
    const Ajv = loadAjv();
    if (!Ajv) this.skip();
    const validate = new (Ajv as NonNullable<typeof Ajv>)({ allErrors: true, strict: false }).compile(schema);
    const written = renderNewSidecar({ source: 'r.txt', sourceHash: 'fnv1a64:0123456789abcdef', annotations: [makeAnnotation({ id: 'a1', tags: ['x'], note: 'a\nb', value: 92, metricKind: 'percent' })] });
    assert.ok(validate(parse(written)), JSON.stringify(validate.errors));
    assert.ok(validate(parse(HAND_WRITTEN)), JSON.stringify(validate.errors));
    assert.equal(validate(parse(HAND_WRITTEN.replace('status: rejected', 'status: maybe'))), false);
  });
});
