/**
 * Hovers on highlighted items: what the detector read (a metric's value,
 * period, comparison and change; a quote's speaker and how it was found; a
 * recommendation's cue), the sentence it comes from, the analyst's tags and
 * note, and command links to act on it. Links carry only a URI string and an
 * id or span, and the hover trusts only the commands that need them.
 */
import * as vscode from 'vscode';
import { describeChange, formatMetricValue } from '../core/detect/explain';
import type { Annotation, Attribution, Detection, MetricDetection } from '../core/model';
import { SENTENCE_SEARCH_LIMIT, sentenceAround } from '../core/text/sentence-around';
import { HOVER_COMMANDS, createCommandLink, type LinkTarget } from './command-links';
import { CommandId } from './commands';
import type { ReportSessions } from './report-sessions';

const ATTRIBUTION_EXPLAINED: Readonly<Record<Attribution, string>> = {
  before: 'named just before the quote',
  after: 'named just after the quote',
  inside: 'named between the parts of the quote',
  'previous-paragraph': 'the speaker of the previous paragraph, continuing',
  pronoun: 'a pronoun, resolved to the last person named',
  title: 'a job title, resolved to the person who holds it',
  none: 'no speaker found',
};

/** Attributes shown in a hover, from a detection or an annotation. */
type Shown = Partial<Omit<MetricDetection, 'kind'>> & Pick<Annotation, 'kind' | 'text'> & Partial<Pick<Annotation, 'speaker' | 'attribution' | 'cue'>>;

/** Provides hovers for report documents. */
export class ReportHoverProvider implements vscode.HoverProvider {
  readonly #sessions: ReportSessions;

  constructor(sessions: ReportSessions) {
    this.#sessions = sessions;
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const session = this.#sessions.get(document.uri);
    if (!session) return undefined;
    const positions = session.positions;
    const offset = positions.codePointAt(position);
    const annotation = session.annotationAt(offset);
    const detection = annotation ? undefined : session.detectionAt(offset);
    const item = annotation ?? detection;
    if (!item) return undefined;
    const range = positions.rangeOf(item);
    const uri = document.uri.toString();
    const markdown = new vscode.MarkdownString('', true);
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    markdown.supportThemeIcons = true;
    appendDetails(markdown, item);
    // Only a window around the item: the whole text of a 10 MB report is not copied for a hover.
    const from = Math.max(0, document.offsetAt(range.start) - SENTENCE_SEARCH_LIMIT - 1);
    const window = document.getText(new vscode.Range(document.positionAt(from), document.positionAt(document.offsetAt(range.end) + SENTENCE_SEARCH_LIMIT + 1)));
    const sentence = sentenceAround(window, { start: document.offsetAt(range.start) - from, end: document.offsetAt(range.end) - from });
    if (sentence) {
      markdown.appendMarkdown('\n\n---\n\n');
      markdown.appendMarkdown(escapeText(sentence));
    }
    if (annotation) appendAnnotation(markdown, annotation);
    markdown.appendMarkdown('\n\n---\n\n');
    markdown.appendMarkdown(links(annotation ? { uri, id: annotation.id } : { uri, start: item.start, end: item.end }, annotation !== undefined).join(' · '));
    return new vscode.Hover(markdown, range);
  }
}

function appendDetails(markdown: vscode.MarkdownString, item: Detection | Annotation): void {
  const shown = item as Shown;
  const status = 'status' in item ? ` — ${item.orphaned ? '$(warning) orphaned (its text was not found; last known place)' : 'accepted'}` : ' — detected';
  markdown.appendMarkdown(`**${escape(capitalise(item.kind))}**${status}\n\n`);
  const rows: [string, string][] = [];
  if (item.kind === 'metric' && shown.unit !== undefined) {
    const metric = { value: shown.value ?? null, unit: shown.unit, metricKind: shown.metricKind ?? 'count', comparisonValue: shown.comparisonValue ?? null } as MetricDetection;
    rows.push(['Value', formatMetricValue(metric)]);
    rows.push(['Unit', metric.unit || '—']);
    if (shown.period) rows.push(['Period', shown.period]);
    if (shown.comparison) {
      const compared = metric.comparisonValue !== null ? ` (${formatMetricValue(metric, metric.comparisonValue)})` : '';
      rows.push(['Compared with', `${shown.comparison}${compared}`]);
      const change = describeChange(metric);
      if (change) rows.push(['Change', `${formatMetricValue(metric)} vs ${formatMetricValue(metric, metric.comparisonValue)} → ${change}`]);
    }
    if (shown.direction) rows.push(['Direction', shown.direction]);
  }
  if (item.kind === 'quote') {
    rows.push(['Speaker', shown.speaker ?? 'unknown']);
    if (shown.attribution) rows.push(['Found by', ATTRIBUTION_EXPLAINED[shown.attribution]]);
  }
  if (item.kind === 'recommendation' && shown.cue) rows.push(['Cue', `“${shown.cue}”`]);
  for (const [name, value] of rows) markdown.appendMarkdown(`${name}: **${escape(value)}**  \n`);
}

function appendAnnotation(markdown: vscode.MarkdownString, annotation: Annotation): void {
  markdown.appendMarkdown('\n\n---\n\n');
  markdown.appendMarkdown(annotation.tags.length > 0 ? `$(tag) ${annotation.tags.map((tag) => `\`${tag.replace(/`/g, '')}\``).join(' ')}` : '$(tag) no tags');
  if (annotation.note) {
    markdown.appendMarkdown(`\n\n$(note) ${escapeText(annotation.note).replace(/\n/g, '  \n')}`);
  }
}

function links(target: LinkTarget, annotated: boolean): string[] {
  const all = [
    annotated ? undefined : createCommandLink('$(check) Accept', CommandId.Accept, target, 'Keep this detection as an annotation'),
    createCommandLink('$(tag) Tag…', CommandId.Tag, target, 'Tag it'),
    createCommandLink('$(note) Add note', CommandId.AddNote, target, 'Write a note on it'),
    createCommandLink('$(close) Reject', CommandId.Reject, target, 'Dismiss it: it stays hidden'),
    annotated ? createCommandLink('$(trash) Remove', CommandId.Remove, target, 'Delete the annotation') : undefined,
  ];
  return all.filter((link): link is string => link !== undefined);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Report text as Markdown that shows as written: characters that would start
 * emphasis, code, links, HTML or theme icons are escaped; spaces and
 * punctuation such as "." stay as they are, so the hover reads naturally.
 */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
    .replace(/\$\(/g, '\\$(')
    .replace(/^([#>+-]|\d+\.)/gm, '\\$1');
}

/** Escapes the Markdown that could break a bold value (figures such as "+28" and "92%" stay verbatim). */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (char) => `\\${char}`);
}
