/**
 * What every export format takes: an annotation and the report it belongs
 * to, as the path the user gave (so exports from a folder say which file
 * each row came from).
 */
import type { Annotation } from '../model';

export interface ExportItem {
  /** The report's path as given or found (relative paths stay relative). */
  readonly file: string;
  readonly annotation: Annotation;
}

/** The attribute keys copied from detections, in the order exports list them. */
export { ATTRIBUTE_KEYS } from '../model';
