// The article with its highlights.
//
// The analysis gives spans (UTF-16 offsets = JS string indices, end exclusive) that may
// overlap: a quote contains names, figures and dates; a place can sit inside an
// organization's name. HTML needs proper nesting, so spans are laid out in two levels:
//   outer: quotes (and photo credits, a structural wrapper), never overlapping each other;
//   inner: entity mentions, figures, dates, each inside one outer span or outside all.
// Among overlapping spans of one level the earlier is kept, or the longer when the later one
// is longer and fits; the others are reported as dropped, never half-rendered.
// Structure blocks (headline, caption, paragraph...) become block elements; a span crossing
// a block boundary is split into pieces that share `data-span`, the label on the last one.
//
// All text goes in through text nodes: nothing here parses HTML.

import { KINDS, arrowOf, dateCode, dateNotes, dateReading, figureAmount } from './format.js';

const KIND_LABEL = Object.fromEntries(KINDS.map((k) => [k.kind, k.label]));

function validSpan(s, len) {
  return s && Number.isInteger(s.start) && Number.isInteger(s.end) &&
    s.start >= 0 && s.end <= len && s.start < s.end;
}

/** Keeps a non-overlapping subset of spans; `fits(span)` may veto a span too. */
function pickNonOverlapping(spans, fits, dropped) {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const s of spans) {
    if (!fits(s)) {
      dropped.push({ ...s, reason: 'crosses a quote boundary' });
      continue;
    }
    const last = kept[kept.length - 1];
    if (!last || s.start >= last.end) {
      kept.push(s);
      continue;
    }
    const before = kept[kept.length - 2];
    const longer = s.end - s.start > last.end - last.start;
    if (longer && (!before || s.start >= before.end)) {
      dropped.push({ ...last, reason: 'overlaps a longer span' });
      kept[kept.length - 1] = s;
    } else {
      dropped.push({ ...s, reason: 'overlaps an earlier span' });
    }
  }
  return kept;
}

/** Every span to highlight, with what it refers to. */
export function collectSpans(analysis) {
  const outer = [];
  const inner = [];
  const entityName = new Map((analysis.entities || []).map((e) => [e.id, e.name]));
  (analysis.quotes || []).forEach((q, i) => {
    const who = (q.speakerEntity && entityName.get(q.speakerEntity)) || q.speaker?.text;
    outer.push({
      start: q.start, end: q.end, kind: 'quote', ref: `q${i + 1}`,
      label: who ? `quote · ${who}` : 'quote · unattributed',
      title: who ? `Quote by ${who}` : 'Quote, speaker not found',
    });
  });
  for (const c of analysis.structure?.credits || []) {
    outer.push({ start: c.start, end: c.end, kind: 'credit', title: 'Photo credit' });
  }
  for (const e of analysis.entities || []) {
    for (const m of e.mentions || []) {
      inner.push({
        start: m.start, end: m.end, kind: e.kind, ref: e.id, label: KIND_LABEL[e.kind] || e.kind,
        title: `${e.kind[0].toUpperCase()}${e.kind.slice(1)}: ${e.name}`,
      });
    }
  }
  for (const f of analysis.figures || []) {
    const amount = figureAmount(f);
    inner.push({
      start: f.start, end: f.end, kind: 'figure', ref: f.id, label: f.kind || 'figure',
      title: `Figure${amount ? ': ' + amount : ''}${f.counts ? ' ' + f.counts : ''}`,
    });
  }
  (analysis.dates || []).forEach((d, i) => {
    inner.push({
      start: d.start, end: d.end, kind: 'date', ref: `d${i + 1}`,
      label: d.kind === 'date' || !d.kind ? 'date' : d.kind,
      title: `Date: ${dateReading(d)} (${dateCode(d)})`,
    });
  });
  return { outer, inner };
}

const KIND_ONE = Object.fromEntries(KINDS.map((k) => [k.kind, k.one]));

/**
 * What the tooltip of a mark says: `head` (the kind), `main` (the normalized reading: the
 * amount, the date in words, the canonical name) and `sub` (what was counted, the hedge, the
 * TIMEX value, the speaker). Marks carry no `title`: the page shows this on hover and on
 * keyboard focus alike.
 */
export function tipFor(analysis, kind, ref) {
  if (!analysis || !ref) return null;
  if (kind === 'figure') {
    const f = (analysis.figures || []).find((x) => x.id === ref);
    if (!f) return null;
    const amount = figureAmount(f);
    const arrow = arrowOf(f.delta);
    const sub = [f.counts, f.hedge ? `“${f.hedge}”` : '', f.delta ? `size of a ${f.delta === 'down' ? 'fall' : 'rise'}` : '']
      .filter(Boolean).join(' · ');
    return {
      head: `Figure · ${f.kind || 'amount'}`,
      main: amount ? `${arrow ? arrow + ' ' : ''}${amount}` : f.text,
      sub,
    };
  }
  if (kind === 'date') {
    const d = (analysis.dates || [])[Number(ref.slice(1)) - 1];
    if (!d) return null;
    const main = dateReading(d);
    const notes = dateNotes(d).map((n) => n.text);
    return {
      head: d.kind === 'duration' ? 'Duration' : d.kind === 'event' ? 'Date · event' : 'Date',
      main,
      sub: [dateCode(d), d.relative ? 'relative' : '', ...notes].filter(Boolean).join(' · '),
    };
  }
  if (kind === 'quote') {
    const q = (analysis.quotes || [])[Number(ref.slice(1)) - 1];
    if (!q) return null;
    const name = q.speakerEntity && (analysis.entities || []).find((e) => e.id === q.speakerEntity)?.name;
    const who = name || q.speaker?.text;
    return {
      head: 'Quote',
      main: who ? `by ${who}` : 'speaker not found',
      sub: [q.speaker?.text && q.speaker.text !== who ? `“${q.speaker.text}”` : '', q.cue?.text, q.medium?.text ? `· ${q.medium.text}` : '']
        .filter(Boolean).join(' '),
    };
  }
  const e = (analysis.entities || []).find((x) => x.id === ref);
  if (!e) return null;
  const n = (e.mentions || []).length;
  return {
    head: KIND_ONE[e.kind] || e.kind,
    main: e.name,
    sub: `${n} mention${n === 1 ? '' : 's'}${e.aliases?.length ? ` · also ${e.aliases.join(', ')}` : ''}`,
  };
}

/** Splits spans into the two nesting levels. Linear after sorting. */
export function layoutSpans(analysis, textLength) {
  const { outer, inner } = collectSpans(analysis);
  const dropped = [];
  const valid = (list) => list.filter((s) => {
    if (validSpan(s, textLength)) return true;
    dropped.push({ ...s, reason: 'outside the text' });
    return false;
  });
  const outerKept = pickNonOverlapping(valid(outer), () => true, dropped);
  // An inner span must lie inside one outer span or outside all of them.
  let oi = 0;
  const innerCandidates = valid(inner).sort((a, b) => a.start - b.start || b.end - a.end);
  const fits = (s) => {
    while (oi < outerKept.length && outerKept[oi].end <= s.start) oi++;
    const o = outerKept[oi];
    if (!o) return true;
    if (o.start <= s.start) return s.end <= o.end;
    return s.end <= o.start;
  };
  const innerKept = pickNonOverlapping(innerCandidates, fits, dropped);
  return { outer: outerKept, inner: innerKept, dropped };
}

/** The blocks to render: the analysis' own, or one per line when it has none. */
export function layoutBlocks(text, analysis) {
  const given = (analysis.structure?.blocks || [])
    .filter((b) => validSpan(b, text.length))
    .sort((a, b) => a.start - b.start);
  const blocks = [];
  if (given.length) {
    let end = 0;
    for (const b of given) {
      if (b.start < end) continue;
      blocks.push({ kind: b.kind || 'paragraph', start: b.start, end: b.end });
      end = b.end;
    }
  }
  // Text between blocks that is more than whitespace still shows, as a loose block; with no
  // blocks at all, every line is one.
  const out = [];
  let pos = 0;
  const addLoose = (from, to) => {
    const lineRe = /[^\r\n]+/g;
    lineRe.lastIndex = from;
    let m;
    while ((m = lineRe.exec(text)) && m.index < to) {
      let s = m.index;
      let e = Math.min(m.index + m[0].length, to);
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e > s) out.push({ kind: given.length ? 'loose' : 'paragraph', start: s, end: e });
    }
  };
  for (const b of blocks) {
    if (b.start > pos) addLoose(pos, b.start);
    out.push(b);
    pos = b.end;
  }
  if (pos < text.length) addLoose(pos, text.length);
  return out;
}

const BLOCK_TAG = { headline: 'h3', subheading: 'h4' };

/**
 * Walks the laid-out article block by block, telling `out` what to emit:
 *   out.openBlock(block), out.closeBlock(block)
 *   out.open(span, from, to), out.close(span)   (a mark, or a piece of one)
 *   out.text(from, to)                           (plain text)
 * The DOM renderer and the HTML export are two such `out`s, so they nest marks identically.
 * Returns a function that emits blocks[i..j) and can be called again for the next range.
 */
export function articleWalker(layout, out) {
  const cursor = { outer: 0, inner: 0 };

  // Walks `spans` (sorted, non-overlapping) from cursor[key] over [s, e), calling
  // gap(from, to) for uncovered text and piece(span, from, to) for covered text.
  function walk(key, spans, s, e, gap, piece) {
    let i = cursor[key];
    while (i < spans.length && spans[i].end <= s) i++;
    let p = s;
    while (i < spans.length && spans[i].start < e) {
      const sp = spans[i];
      const from = Math.max(sp.start, s);
      const to = Math.min(sp.end, e);
      if (from > p) gap(p, from);
      piece(sp, from, to);
      p = to;
      if (sp.end <= e) i++;
      else break;
    }
    if (p < e) gap(p, e);
    cursor[key] = i;
  }

  const innerPiece = (sp, a, b) => {
    out.open(sp, a, b);
    out.text(a, b);
    out.close(sp);
  };
  const fillInner = (s, e) => walk('inner', layout.inner, s, e, out.text, innerPiece);
  const outerPiece = (sp, a, z) => {
    out.open(sp, a, z);
    fillInner(a, z);
    out.close(sp);
  };

  return (from, to) => {
    for (let i = from; i < to && i < layout.blocks.length; i++) {
      const b = layout.blocks[i];
      out.openBlock(b);
      walk('outer', layout.outer, b.start, b.end, fillInner, outerPiece);
      out.closeBlock(b);
    }
  };
}

/** Lays out `text` with the analysis: the spans at two levels and the blocks. */
export function layoutArticle(text, analysis) {
  return { ...layoutSpans(analysis, text.length), blocks: layoutBlocks(text, analysis) };
}

/**
 * An `out` for articleWalker that builds DOM nodes into `root`. With `blocks`, each block
 * element goes there too, as {el, start, end} in text order: the page finds text positions
 * through it, and collecting it from the DOM afterwards took 150 ms on a 10 MB article.
 */
function domOut(text, root, blocks = null) {
  const stack = [root];
  const top = () => stack[stack.length - 1];
  return {
    /** Where the next blocks go (between blocks only). */
    setRoot(el) { stack[0] = el; },
    openBlock(b) {
      const el = document.createElement(BLOCK_TAG[b.kind] || 'p');
      el.className = `blk blk-${b.kind}`;
      el.dataset.start = String(b.start);
      el.dataset.end = String(b.end);
      blocks?.push({ el, start: b.start, end: b.end });
      top().appendChild(el);
      stack.push(el);
    },
    closeBlock() { stack.pop(); },
    open(sp, a, b) {
      const m = markFor(sp, a, b);
      top().appendChild(m);
      stack.push(m);
    },
    close() { stack.pop(); },
    text(a, b) { top().appendChild(document.createTextNode(text.slice(a, b))); },
  };
}

function markFor(span, pieceStart, pieceEnd) {
  const el = document.createElement(span.kind === 'credit' ? 'span' : 'mark');
  if (span.kind === 'credit') {
    el.className = 'credit';
  } else {
    el.dataset.kind = span.kind;
    el.dataset.ref = span.ref;
    el.dataset.span = `${span.start}:${span.end}`;
    el.dataset.start = String(pieceStart);
    el.dataset.end = String(pieceEnd);
    if (pieceEnd === span.end) el.dataset.label = span.label;
  }
  return el;
}

/**
 * Renders `text` with the analysis into `container` (emptied first), at once.
 * Returns the layout, for tests and for linking panel items to marks.
 */
export function renderArticle(container, text, analysis) {
  const layout = layoutArticle(text, analysis);
  const frag = document.createDocumentFragment();
  articleWalker(layout, domOut(text, frag))(0, layout.blocks.length);
  container.replaceChildren(frag);
  return layout;
}

/**
 * Builds the article's nodes a slice of blocks at a time, so that a long text never holds
 * the main thread for long: `step()` builds blocks into `fragment` until `budgetMs` has
 * passed and returns the fraction done (1 at the end). The caller moves the fragment's
 * nodes into the page after each step (which empties it).
 * With `group`, each step's blocks are wrapped in a `div.chunk`: the page can then skip
 * whole chunks off screen (content-visibility), and appending one does not make the browser
 * walk thousands of blocks again.
 */
export function articleBuilder(text, layout, { group = false } = {}) {
  const fragment = document.createDocumentFragment();
  const blocks = [];
  const out = domOut(text, fragment, blocks);
  const emit = articleWalker(layout, out);
  let next = 0;
  const total = layout.blocks.length;
  return {
    fragment,
    /** The block elements built so far, as {el, start, end}. */
    blocks,
    step(budgetMs = 8) {
      const t0 = performance.now();
      if (group && next < total) {
        const chunk = document.createElement('div');
        chunk.className = 'chunk';
        fragment.appendChild(chunk);
        out.setRoot(chunk);
      }
      while (next < total) {
        // Blocks vary in size; 16 at a time keeps the clock checks cheap and the slices short.
        emit(next, Math.min(total, next + 16));
        next += 16;
        if (performance.now() - t0 >= budgetMs) break;
      }
      return total ? Math.min(1, next / total) : 1;
    },
  };
}
