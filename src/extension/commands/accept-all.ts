import type { DetectionKind } from '../../core/model';
import type { CommandServices } from '../commands';
import { idsOf, takeNewId } from './annotation-edits';
import { readArgs, resolveSession } from './target';

const KINDS: readonly string[] = ['metric', 'quote', 'recommendation'];

/**
 * `reportAnnotator.acceptAll` `{uri?, kind?}`: accepts every detection not
 * yet accepted or rejected (of `kind` only, when given).
 *
 * @returns the ids of the new annotations.
 */
export async function acceptAllDetections(services: CommandServices, arg: unknown): Promise<string[]> {
  const args = readArgs(arg);
  const session = await resolveSession(services, args);
  if (!session) return [];
  const kind = args.kind && KINDS.includes(args.kind) ? (args.kind as DetectionKind) : undefined;
  session.completeDetection();
  const changes = await session.commit((factory) => {
    const taken = new Set<string>();
    return session.openDetections
      .filter((detection) => !kind || detection.kind === kind)
      .map((detection) => ({ before: undefined, after: factory.fromDetection(detection, { status: 'accepted', id: takeNewId(session, taken) }) }));
  });
  return idsOf(changes);
}
