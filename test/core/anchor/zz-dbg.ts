import { reanchorAnnotations } from '../../../src/core/anchor/reanchor';
import { annotationAt } from './annotate';
function run(original: string, spans: [number, number][], edited: string) {
  const anns = spans.map(([s, e], i) => annotationAt(original, s, e, `a${i}`));
  const r = reanchorAnnotations(anns, edited);
  console.log('orphaned', r.orphaned, 'moved', r.moved);
  r.annotations.forEach((a, i) => console.log(a.id, anns[i]!.start, '->', a.start, JSON.stringify(a.text), a.orphaned ?? ''));
}
{
  const edited = "Referrals education 1270 across too, the schools 305 is effective has rise is managers referrals target budget found savings an 1669 279 1979 this.\n\nThe funding national, last target executive found cases  partners cabinet.\n\nOutstanding effective the and care year fell placements this requires is cent.";
  const original = edited.slice(0, 205) + 'executive young' + edited.slice(205);
  run(original, [[20,36],[97,132],[205,220],[230,251],[262,269],[275,284],[296,309],[313,317]], edited);
}
{
  const edited = " cent council fostering is cabinet council education improve fell plan.\n\nRecommends cases parish urgent adoption were 1803 plan staff on this police.\n\nQuality that staff too council inspection and waiting outstanding people 331 children.";
  const original = 'Quality on' + edited;
  run(original, [[0,10],[16,33],[37,52],[63,75],[83,99],[107,122],[128,137],[144,151]], edited);
}
