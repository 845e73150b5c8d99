import type { CommandServices } from '../commands';
import { changeTarget, idsOf } from './annotation-edits';
import { readArgs, resolveSession, resolveTarget, tellNothingHere } from './target';

/**
 * `reportAnnotator.accept` `{uri?, id?, start?, end?}`: keeps the detection
 * (or re-accepts a rejected annotation) as an accepted annotation.
 *
 * @returns the annotation's id, or undefined when there was nothing to accept.
 */
export async function acceptItem(services: CommandServices, arg: unknown): Promise<string | undefined> {
  const args = readArgs(arg);
  const session = await resolveSession(services, args);
  if (!session) return undefined;
  const target = resolveTarget(session, args);
  if (!target) return tellNothingHere('detection');
  if ('annotation' in target && target.annotation.status === 'accepted') return target.annotation.id;
  const changes = await session.commit((factory) => changeTarget(session, factory, target, { status: 'accepted' }));
  return idsOf(changes)[0];
}
