/**
 * What the quote scanner carries from one paragraph to the next: the people
 * and organisations named so far (so `Ms Tomsett`, `she` or `the cabinet
 * member` can be resolved to the name as first given), whose turn it is, and
 * whether the previous paragraph ended on `X said:` or inside an open quote.
 *
 * States are immutable and small (at most {@link MAX_ENTITIES} entities),
 * and an unchanged paragraph hands back the very object it got, so the
 * editor's convergence check ({@link sameQuoteState}) is usually one `===`.
 */

/** Who an entity is: a named person, an organisation, or a group described by a noun (`care leavers`). */
export type EntityKind = 'person' | 'org' | 'group';

export type Gender = 'f' | 'm' | null;

export interface Entity {
  /** The name as first given in full (`Emmy Tomsett`, `Devon County Council`, `Tony Blair's official spokesman`). */
  readonly name: string;
  readonly kind: EntityKind;
  readonly gender: Gender;
  /** Lower-case role descriptions (`lead inspector`, `cabinet member for children's services`), at most three. */
  readonly roles: readonly string[];
}

export interface QuoteState {
  /** Entities in order of last mention, most recent last. */
  readonly entities: readonly Entity[];
  /** The current speaker: the last person a quote or a reporting clause was attributed to. */
  readonly turn: string | null;
  /** The speaker of a `X said:` that ended the previous paragraph. */
  readonly intro: string | null;
  /** The speaker of a quote left open at the end of the previous paragraph. */
  readonly open: string | null;
}

const PROPER_NAME = /^\p{Lu}\S*(?: \p{Lu}\S*)*$/u;

/** How many entities a state remembers; older ones are forgotten. */
export const MAX_ENTITIES = 16;

/** The state before the first paragraph. */
export const INITIAL_QUOTE_STATE: QuoteState = { entities: [], turn: null, intro: null, open: null };

function sameEntity(a: Entity, b: Entity): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.kind !== b.kind || a.gender !== b.gender || a.roles.length !== b.roles.length) return false;
  for (let i = 0; i < a.roles.length; i++) if (a.roles[i] !== b.roles[i]) return false;
  return true;
}

/** Structural equality of two states. */
export function sameQuoteState(a: QuoteState, b: QuoteState): boolean {
  if (a === b) return true;
  if (a.turn !== b.turn || a.intro !== b.intro || a.open !== b.open) return false;
  if (a.entities === b.entities) return true;
  if (a.entities.length !== b.entities.length) return false;
  for (let i = 0; i < a.entities.length; i++) if (!sameEntity(a.entities[i]!, b.entities[i]!)) return false;
  return true;
}

/**
 * A mutable working copy of a state for the length of one paragraph. It
 * remembers whether anything changed, so that {@link Registry.toState} can
 * return the input state itself when nothing did.
 */
export class Registry {
  private entities: Entity[];
  private changed = false;
  turn: string | null;

  constructor(private readonly base: QuoteState) {
    this.entities = base.entities.slice();
    this.turn = base.turn;
  }

  /** Entities from the most recent back (a copy: callers may mention while iterating). */
  recent(): readonly Entity[] {
    return this.entities.slice().reverse();
  }

  /** The entity with this exact name, if known. */
  find(name: string): Entity | undefined {
    for (let i = this.entities.length - 1; i >= 0; i--) if (this.entities[i]!.name === name) return this.entities[i];
    return undefined;
  }

  /** The most recent person whose full name ends with `surname`. */
  findBySurname(surname: string): Entity | undefined {
    const lower = surname.toLowerCase();
    const suffix = ' ' + lower;
    for (let i = this.entities.length - 1; i >= 0; i--) {
      const e = this.entities[i]!;
      if (e.kind !== 'person') continue;
      const facts = factsOf(e);
      // Only proper names have surnames: not `new health minister for Wales`.
      if ((facts.lower === lower || facts.lower.endsWith(suffix)) && facts.proper) return e;
    }
    return undefined;
  }

  /**
   * The most recent person whose full name starts with `forename`: British
   * knights and dames are called by title and forename once named in full
   * (`Sir Michael Wilshaw` … `Sir Michael said`).
   */
  findByForename(forename: string): Entity | undefined {
    const prefix = forename.toLowerCase() + ' ';
    for (let i = this.entities.length - 1; i >= 0; i--) {
      const e = this.entities[i]!;
      if (e.kind === 'person' && factsOf(e).proper && factsOf(e).lower.startsWith(prefix)) return e;
    }
    return undefined;
  }

  /**
   * Records a mention: adds the entity or merges what is new (gender,
   * roles) into the known one, and moves it to the most recent place.
   */
  mention(name: string, kind: EntityKind, gender: Gender, roles: readonly string[]): Entity {
    const index = this.entities.findIndex((e) => e.name === name);
    const old = index >= 0 ? this.entities[index]! : undefined;
    const mergedRoles = old ? mergeRoles(old.roles, roles) : mergeRoles([], roles);
    const next: Entity = {
      name,
      kind: old && old.kind === 'person' ? 'person' : kind,
      gender: gender ?? old?.gender ?? null,
      roles: mergedRoles,
    };
    const isLast = index >= 0 && index === this.entities.length - 1;
    if (old && isLast && sameEntity(old, next)) return old;
    if (index >= 0) this.entities.splice(index, 1);
    this.entities.push(old && sameEntity(old, next) ? old : next);
    if (this.entities.length > MAX_ENTITIES) this.entities.shift();
    this.changed = true;
    return this.entities[this.entities.length - 1]!;
  }

  /** Learns a person's gender from a pronoun that referred to them. */
  learnGender(name: string, gender: Gender): void {
    if (gender === null) return;
    const index = this.entities.findIndex((e) => e.name === name);
    if (index < 0 || this.entities[index]!.gender !== null) return;
    this.entities[index] = { ...this.entities[index]!, gender };
    this.changed = true;
  }

  /** The state to hand on, or the input state itself when nothing changed. */
  toState(intro: string | null, open: string | null): QuoteState {
    const b = this.base;
    if (!this.changed && this.turn === b.turn && intro === b.intro && open === b.open) return b;
    return { entities: this.changed ? this.entities.slice() : b.entities, turn: this.turn, intro, open };
  }
}

/** The lower-case name and whether it is a proper name, computed once per entity (entities never change). */
const FACTS = new WeakMap<Entity, { readonly lower: string; readonly proper: boolean }>();

function factsOf(e: Entity): { readonly lower: string; readonly proper: boolean } {
  let facts = FACTS.get(e);
  if (facts === undefined) {
    facts = { lower: e.name.toLowerCase(), proper: PROPER_NAME.test(e.name) };
    FACTS.set(e, facts);
  }
  return facts;
}

function mergeRoles(old: readonly string[], extra: readonly string[]): readonly string[] {
  if (extra.length === 0) return old;
  const out = old.slice();
  for (const r of extra) if (r && !out.includes(r)) out.push(r);
  if (out.length === old.length) return old;
  return out.slice(-3);
}
