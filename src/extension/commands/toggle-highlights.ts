import type { CommandServices } from '../commands';
import { readArgs, resolveSession } from './target';

/**
 * `reportAnnotator.toggleHighlights` `{uri?}`: shows or hides the highlights
 * of one report (until it is closed; the setting `reportAnnotator.highlight.enabled`
 * switches them for all files).
 *
 * @returns whether highlights are now shown, or undefined when there is no report.
 */
export async function toggleHighlights(services: CommandServices, arg: unknown): Promise<boolean | undefined> {
  const session = await resolveSession(services, readArgs(arg));
  if (!session) return undefined;
  session.highlight = !session.highlight;
  services.decorations.redrawDocument(session.document);
  return session.highlight;
}
