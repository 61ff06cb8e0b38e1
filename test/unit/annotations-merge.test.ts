/**
 * mergeAnnotations (src/core/annotations/store.ts): two windows, or a window and a `git pull`, saving one notes
 * file. Each window merges its notes with the file on disk by id, knowing the file as it last saw it (the base).
 * Example cases first, then a property: two windows start from one file, each adds, replies to, resolves and
 * deletes notes at interleaved times, then both save one after the other; nothing either added is lost, and
 * deletions hold as the rules say.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareTimes, mergeAnnotations, parseAnnotationFile, serialiseAnnotationFile, type StoredAnnotation } from '../../src/core/annotations/store';

const T0 = Date.parse('2026-10-05T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function note(id: string, body: string, minute = 0, extra: Partial<StoredAnnotation> = {}): StoredAnnotation {
  return {
    id: `urn:uuid:${id}`,
    source: 'letter.md',
    created: at(minute),
    modified: at(minute),
    status: 'open',
    target: { quote: { type: 'TextQuoteSelector', exact: 'the rota', prefix: 'review ', suffix: ' in May' }, position: { type: 'TextPositionSelector', start: 7, end: 15 } },
    comments: [{ id: `${id}-0`, body, author: 'Branch secretary', created: at(minute) }],
    ...extra,
  };
}

function reply(a: StoredAnnotation, id: string, body: string, minute: number): StoredAnnotation {
  return { ...a, modified: at(minute), comments: [...a.comments, { id, body, author: 'Regional officer', created: at(minute) }] };
}

const ids = (list: readonly StoredAnnotation[]) => list.map((a) => a.id).sort();
const none = new Set<string>();

describe('mergeAnnotations', () => {
  it('keeps the notes both windows added since the base', () => {
    const x = note('x', 'Ask for the equality impact assessment.');
    const a = note('a', 'Window A: the consultation period is too short.', 5);
    const b = note('b', 'Window B: check the redeployment policy.', 6);
    const r = mergeAnnotations({ mine: [x, a], theirs: [x, b], base: [x], deletedHere: none });
    expect(ids(r.annotations)).toEqual(ids([x, a, b]));
    expect(r.removed).toEqual([]);
    expect(r.updated).toEqual([b]);
    // This window's own objects are kept where they win.
    expect(r.annotations.find((n) => n.id === a.id)).toBe(a);
  });

  it('a note deleted in this window stays deleted, even if the other window replied to it meanwhile', () => {
    const x = note('x', 'Ask for the equality impact assessment.');
    const theirs = [reply(x, 'x-1', 'Raised at the JNCC.', 9)];
    const r = mergeAnnotations({ mine: [], theirs, base: [x], deletedHere: new Set([x.id]) });
    expect(r.annotations).toEqual([]);
  });

  it('a note deleted elsewhere goes, unless this window changed it since', () => {
    const x = note('x', 'First note');
    const y = note('y', 'Second note');
    const r = mergeAnnotations({ mine: [x, reply(y, 'y-1', 'Still needed: the minutes do not say this.', 4)], theirs: [], base: [x, y], deletedHere: none });
    expect(ids(r.annotations)).toEqual([y.id]);
    expect(r.removed).toEqual([x.id]);
  });

  it('with no base (the file was never read here) every note of this window is kept', () => {
    const x = note('x', 'First note');
    const r = mergeAnnotations({ mine: [x], theirs: [note('z', 'Theirs')], base: undefined, deletedHere: none });
    expect(ids(r.annotations)).toEqual(['urn:uuid:x', 'urn:uuid:z']);
  });

  it('with no file on disk, this window\'s notes are written as they are, less those deleted here', () => {
    const x = note('x', 'First note');
    const y = note('y', 'Second note');
    const r = mergeAnnotations({ mine: [x, y], theirs: undefined, base: [x, y], deletedHere: new Set([y.id]) });
    expect(r.annotations).toEqual([x]);
  });

  it('the newer change to a note wins; replies added on the older side are kept as well', () => {
    const x = note('x', 'Ask for the equality impact assessment.');
    const mine = reply(x, 'x-mine', 'Chased by email.', 3);
    const theirs = { ...reply(x, 'x-theirs', 'Received; it leaves out part-time staff.', 7), status: 'resolved' as const };
    const r = mergeAnnotations({ mine: [mine], theirs: [theirs], base: [x], deletedHere: none });
    const merged = r.annotations[0];
    expect(merged.status).toBe('resolved');
    expect(merged.modified).toBe(at(7));
    expect(merged.comments.map((c) => c.id)).toEqual(['x-0', 'x-mine', 'x-theirs']);
    expect(r.updated).toEqual([merged]);
    // And the other way round: this window's newer change wins and takes the other's reply.
    const back = mergeAnnotations({ mine: [theirs], theirs: [mine], base: [x], deletedHere: none });
    expect(back.annotations[0].status).toBe('resolved');
    expect(back.annotations[0].comments.map((c) => c.id)).toEqual(['x-0', 'x-mine', 'x-theirs']);
  });

  it('a reply deleted on the newer side is not brought back from the older side', () => {
    const x = reply(note('x', 'Note'), 'x-1', 'A reply that was withdrawn', 1);
    const newer = { ...x, modified: at(8), comments: [x.comments[0]] };
    const r = mergeAnnotations({ mine: [x], theirs: [newer], base: [x], deletedHere: none });
    expect(r.annotations[0].comments.map((c) => c.id)).toEqual(['x-0']);
  });

  it('on a tie this window\'s copy wins (its anchor may have moved with edits here)', () => {
    const x = note('x', 'Note');
    const moved = { ...x, target: { ...x.target, position: { type: 'TextPositionSelector' as const, start: 120, end: 128 } } };
    const r = mergeAnnotations({ mine: [moved], theirs: [x], base: [x], deletedHere: none });
    expect(r.annotations).toEqual([moved]);
    expect(r.updated).toEqual([]);
  });

  it('orders times as times, and text that is not a time before any time', () => {
    expect(compareTimes('2026-10-05T09:00:00Z', '2026-10-05T10:00:00+02:00')).toBe(1);
    expect(compareTimes('2026-10-05T09:00:00.000Z', '2026-10-05T09:00:00Z')).toBe(0);
    expect(compareTimes('yesterday', '2026-10-05T09:00:00Z')).toBe(-1);
    expect(compareTimes('2026-10-05T09:00:00Z', 'yesterday')).toBe(1);
  });
});

// ---- property: two windows, one file ------------------------------------------------------------------------

type Op = { kind: 'add' } | { kind: 'reply'; pick: number } | { kind: 'resolve'; pick: number } | { kind: 'delete'; pick: number };

interface Window {
  notes: StoredAnnotation[];
  deleted: Set<string>;
  added: Set<string>;
  changed: Set<string>;
  replies: Map<string, string[]>;
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'add' as const }),
  fc.nat(20).map((pick) => ({ kind: 'reply' as const, pick })),
  fc.nat(20).map((pick) => ({ kind: 'resolve' as const, pick })),
  fc.nat(20).map((pick) => ({ kind: 'delete' as const, pick })),
);

function apply(w: Window, op: Op, name: string, minute: number, seq: number): void {
  if (op.kind === 'add') {
    const n = note(`${name}${seq}`, `Note ${seq} from window ${name}`, minute);
    w.notes.push(n);
    w.added.add(n.id);
    return;
  }
  if (w.notes.length === 0) return;
  const i = op.pick % w.notes.length;
  const target = w.notes[i];
  if (op.kind === 'delete') {
    w.notes.splice(i, 1);
    w.deleted.add(target.id);
  } else if (op.kind === 'reply') {
    const id = `${name}-r${seq}`;
    w.notes[i] = reply(target, id, `Reply ${seq}`, minute);
    w.changed.add(target.id);
    w.replies.set(target.id, [...(w.replies.get(target.id) ?? []), id]);
  } else {
    w.notes[i] = { ...target, status: target.status === 'open' ? 'resolved' : 'open', modified: at(minute) };
    w.changed.add(target.id);
  }
}

describe('two windows saving one notes file (property)', () => {
  it('loses no note or reply either window added, and keeps deletions as the rules say', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.tuple(fc.boolean(), opArb), { maxLength: 30 }),
        fc.boolean(),
        (baseCount, ops, aFirst) => {
          const base = Array.from({ length: baseCount }, (_, i) => note(`base${i}`, `Base note ${i}`, 0));
          const fresh = (): Window => ({ notes: base.map((n) => ({ ...n })), deleted: new Set(), added: new Set(), changed: new Set(), replies: new Map() });
          const A = fresh();
          const B = fresh();
          ops.forEach(([inA, op], k) => apply(inA ? A : B, op, inA ? 'a' : 'b', k + 1, k));
          const [first, second] = aFirst ? [A, B] : [B, A];
          const disk1 = mergeAnnotations({ mine: first.notes, theirs: base, base, deletedHere: first.deleted }).annotations;
          // Through the file's text, as on disk.
          const parsed = parseAnnotationFile(serialiseAnnotationFile({ version: 1, annotations: disk1 }));
          if (!parsed.ok) throw new Error(parsed.error);
          const disk2 = mergeAnnotations({ mine: second.notes, theirs: parsed.file.annotations, base, deletedHere: second.deleted }).annotations;
          const final = new Map(disk2.map((n) => [n.id, n]));
          // Every note added in either window is there, with every reply added to it.
          for (const w of [A, B]) for (const id of w.added) if (!w.deleted.has(id)) expect(final.has(id)).toBe(true);
          // A base note is gone exactly when the second saver deleted it, or the first did and the second left it alone.
          for (const n of base) {
            const gone = second.deleted.has(n.id) || (first.deleted.has(n.id) && !second.changed.has(n.id));
            expect(final.has(n.id)).toBe(!gone);
          }
          for (const w of [A, B])
            for (const [id, replies] of w.replies) {
              const kept = final.get(id);
              // A reply on a note this window then deleted went with it.
              if (!kept || w.deleted.has(id)) continue;
              for (const r of replies) expect(kept.comments.some((c) => c.id === r)).toBe(true);
            }
          // Saving again with nothing new changes nothing.
          const again = mergeAnnotations({ mine: disk2, theirs: disk2, base: disk2, deletedHere: none });
          expect(again.annotations).toEqual(disk2);
          expect(again.updated).toEqual([]);
          expect(again.removed).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
