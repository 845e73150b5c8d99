import type { CommandServices } from '../commands';
import { changeTarget, idsOf } from './annotation-edits';
import { readArgs, resolveSession, resolveTarget, tellNothingHere } from './target';

/**
 * `reportAnnotator.reject` `{uri?, id?, start?, end?}`: dismisses a
 * detection. It is stored with status `rejected`, so it stays hidden after
 * a reload and `accept` on the sidecar entry brings it back.
 *
 * @returns the rejected annotation's id, or undefined when there was nothing to reject.
 */
export async function rejectItem(services: CommandServices, arg: unknown): Promise<string | undefined> {
  const args = readArgs(arg);
  const session = await resolveSession(services, args);
  if (!session) return undefined;
  const target = resolveTarget(session, args);
  if (!target) return tellNothingHere('detection');
  if ('annotation' in target && target.annotation.status === 'rejected') return target.annotation.id;
  const changes = await session.commit((factory) => changeTarget(session, factory, target, { status: 'rejected' }));
  return idsOf(changes)[0];
}
