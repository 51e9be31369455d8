import type { ResourceAvailability } from '@labshare/contracts';
import { ownJson, type EntityTagOf } from '@labshare/http';
import { clipOf, type Clip } from '../../domain/rules/availability-answer';

/** An answer's JSON, with where each free piece and slot starts in it (the last entry: where the array ends). */
interface Layout {
  text: string;
  /** `{` and the fields before `free`, each followed by a comma. */
  opening: string;
  freeAt: number[];
  slotsAt?: number[];
  etag?: string;
}

/** The layout of each answer clipped answers were cut from, for as long as that answer lives. */
const layouts = new WeakMap<ResourceAvailability, Layout>();

/**
 * An answer the booking window clips (today's view; a range past the horizon) is a kept answer
 * clipped to the window on every request (`clippedTo`): a run of the kept answer's pieces and slots,
 * the pieces at either end perhaps cut. Its JSON is cut from the kept answer's the same way, so a
 * 90-day answer (~475 KB) is not serialised and hashed on each request; its entity tag is made from
 * the kept answer's and the window. Any other answer is returned as it is.
 */
export function withClippedJson(answer: ResourceAvailability): ResourceAvailability {
  const clip = clipOf(answer);
  if (!clip) return answer;
  Object.defineProperty(answer, ownJson, {
    value: (tagOf: EntityTagOf | undefined) => clippedJson(answer, clip, tagOf),
  });
  return answer;
}

function clippedJson(answer: ResourceAvailability, clip: Clip, tagOf: EntityTagOf | undefined) {
  const layout = layoutOf(clip.of);
  const { free, slots, window } = clip;
  const cut = (pieces: object[]) => pieces.map((piece) => JSON.stringify(piece));
  const freeText = [
    ...cut(answer.free.slice(0, free.cutBefore)),
    run(layout.text, layout.freeAt, free.from, free.to),
    ...cut(answer.free.slice(answer.free.length - free.cutAfter)),
  ].filter((part) => part !== '');
  const slotsText = layout.slotsAt
    ? `,"slots":[${run(layout.text, layout.slotsAt, slots.from, slots.to)}]`
    : '';
  if (tagOf && layout.etag === undefined) layout.etag = tagOf(layout.text);
  return {
    text: `${layout.opening}"free":[${freeText.join(',')}]${slotsText}}`,
    etag: tagOf && tagOf(`${layout.etag}|${window.start}|${window.end}`),
  };
}

/** The JSON of the items `[from, to)` of an array whose items start at `at` in `text` (its last entry: the array's end). */
function run(text: string, at: number[], from: number, to: number): string {
  if (from >= to) return '';
  return text.slice(at[from], to < at.length - 1 ? at[to]! - 1 : at.at(-1));
}

/** The answer's JSON written one piece at a time, noting where each starts. */
function layoutOf(answer: ResourceAvailability): Layout {
  const known = layouts.get(answer);
  if (known) return known;
  const { free, slots, ...fields } = answer;
  const before = JSON.stringify(fields).slice(0, -1);
  const opening = before.length > 1 ? `${before},` : before;
  let text = `${opening}"free":[`;
  const listed = (items: readonly object[]) => {
    const at: number[] = [];
    items.forEach((item, i) => {
      if (i > 0) text += ',';
      at.push(text.length);
      text += JSON.stringify(item);
    });
    at.push(text.length);
    return at;
  };
  const freeAt = listed(free);
  text += ']';
  let slotsAt: number[] | undefined;
  if (slots) {
    text += ',"slots":[';
    slotsAt = listed(slots);
    text += ']';
  }
  const layout = { text: `${text}}`, opening, freeAt, ...(slotsAt ? { slotsAt } : {}) };
  layouts.set(answer, layout);
  return layout;
}
