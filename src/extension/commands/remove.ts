import type { CommandServices } from '../commands';
import { idsOf } from './annotation-edits';
import { readArgs, resolveSession, resolveTarget, tellNothingHere } from './target';

/**
 * `reportAnnotator.remove` `{uri?, id?}`: deletes an annotation from the
 * sidecar (accepted or rejected; a removed rejection lets the detection show again).
 *
 * @returns the removed id, or undefined when there was no annotation.
 */
export async function removeAnnotation(services: CommandServices, arg: unknown): Promise<string | undefined> {
  const args = readArgs(arg);
  const session = await resolveSession(services, args);
  if (!session) return undefined;
  const target = resolveTarget(session, args);
  if (!target || !('annotation' in target)) return tellNothingHere('annotation');
  const changes = await session.commit(() => [{ before: target.annotation, after: undefined }]);
  return idsOf(changes)[0];
}
