/**
 * Builders of annotation changes shared by the commands: keeping a
 * detection, changing an annotation. They only compute {@link AnnotationChange}s;
 * the session applies, saves and records them for undo.
 */
import type { Annotation, AnnotationStatus } from '../../core/model';
import { newAnnotationId, type AnnotationFactory } from '../../core/store/new-annotation';
import type { AnnotationChange, ReportSession } from '../report-session';
import type { Target } from './target';

/** Changes allowed through {@link changeTarget}. */
export interface AnnotationPatch {
  readonly status?: AnnotationStatus;
  readonly tags?: readonly string[];
  readonly note?: string;
}

/** A fresh id, unique in the session's sidecar (and among `alsoTaken`, for several new annotations at once). */
export function takeNewId(session: ReportSession, alsoTaken: Set<string> = new Set()): string {
  const taken = new Set([...session.annotations.map((annotation) => annotation.id), ...alsoTaken]);
  const id = newAnnotationId(taken);
  alsoTaken.add(id);
  return id;
}

/**
 * The change that applies `patch` to the target: an edit of an existing
 * annotation, or a new annotation kept from a detection (accepted unless the
 * patch says rejected). Returns no change when the annotation already has
 * those values.
 */
export function changeTarget(session: ReportSession, factory: AnnotationFactory, target: Target, patch: AnnotationPatch): AnnotationChange[] {
  if ('detection' in target) {
    const after = factory.fromDetection(target.detection, {
      status: patch.status ?? 'accepted',
      tags: [...(patch.tags ?? [])],
      note: patch.note ?? '',
      id: takeNewId(session),
    });
    return [{ before: undefined, after }];
  }
  // The session re-anchored live positions just before building: take the annotation as it is now.
  const before = session.annotation(target.annotation.id) ?? target.annotation;
  const after: Annotation = { ...before, ...patch, tags: patch.tags ? [...patch.tags] : before.tags };
  const unchanged = after.status === before.status && after.note === before.note && after.tags.join('\u0000') === before.tags.join('\u0000');
  return unchanged ? [] : [{ before, after }];
}

/** The ids a list of changes touched, for command results. */
export function idsOf(changes: readonly AnnotationChange[] | undefined): string[] {
  return (changes ?? []).map((change) => (change.after ?? change.before)?.id).filter((id): id is string => id !== undefined);
}
