/** JSON export: every annotation as the sidecar holds it, with the report it belongs to. */
import type { ExportItem } from './export-item';

/** A JSON array of `{file, ...annotation}`, two-space indented, ending in a newline. */
export function toJsonExport(items: readonly ExportItem[]): string {
  return `${JSON.stringify(items.map(({ file, annotation }) => ({ file, ...annotation })), null, 2)}\n`;
}
