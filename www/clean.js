// Turning what people paste or open into the plain text the analyzer reads.
//
// The core reads an article's shape from its lines: the headline is the first line, each
// paragraph, subheading and caption is a line of its own, a caption ends with its credit in
// parentheses. So HTML and Markdown become one block per line, and everything that is not the
// article (navigation, ads, share buttons, forms, comments, scripts) is left out.
//
// HTML is parsed with DOMParser('text/html'): the document it makes has no browsing context,
// so its scripts never run and its images, styles, fonts and frames are never fetched. This
// module only reads that document's tree; nothing from it is put into the page.
// Chromium still checks the parsed document's inline styles and event handler attributes
// against the page's CSP, blocks them, and logs an error for each; `defuse` renames them
// first (the text is all we want), so a paste leaves the console clean.

/** Elements whose whole subtree is never article text. */
const DROP_TAGS = new Map(Object.entries({
  SCRIPT: 'scripts', STYLE: 'styles', 'X-STYLE': 'styles', NOSCRIPT: 'scripts', TEMPLATE: 'scripts', LINK: 'styles',
  META: null, TITLE: null, HEAD: null, BASE: null,
  IFRAME: 'frames', FRAME: 'frames', FRAMESET: 'frames', OBJECT: 'frames', EMBED: 'frames',
  PORTAL: 'frames',
  FORM: 'forms', INPUT: 'forms', BUTTON: 'forms', SELECT: 'forms', TEXTAREA: 'forms',
  LABEL: 'forms', DATALIST: 'forms', OPTION: 'forms', FIELDSET: 'forms',
  NAV: 'navigation', MENU: 'navigation', ASIDE: 'sidebars', FOOTER: 'footers',
  DIALOG: 'pop-ups',
  IMG: 'images', PICTURE: 'images', SVG: 'images', CANVAS: 'images', VIDEO: 'media',
  AUDIO: 'media', SOURCE: null, TRACK: null, MAP: null, AREA: null, MATH: null,
}));

const DROP_ROLES = new Map(Object.entries({
  navigation: 'navigation', menu: 'navigation', menubar: 'navigation', toolbar: 'share buttons',
  search: 'forms', complementary: 'sidebars', contentinfo: 'footers', dialog: 'pop-ups',
  alertdialog: 'pop-ups', banner: 'navigation', form: 'forms',
}));

/**
 * Words in class names and ids that mark what is not the article. Names are split on "-",
 * "_", spaces and camelCase, so "ad-slot", "adSlot" and "ad_container" all give "ad", while
 * "header" and "shadow" do not.
 */
const DROP_WORDS = new Map(Object.entries({
  nav: 'navigation', navbar: 'navigation', navigation: 'navigation', menu: 'navigation',
  breadcrumb: 'navigation', breadcrumbs: 'navigation', masthead: 'navigation', skip: 'navigation',
  ad: 'ads', ads: 'ads', advert: 'ads', adverts: 'ads', advertisement: 'ads', adslot: 'ads',
  adunit: 'ads', dfp: 'ads', gpt: 'ads', sponsor: 'ads', sponsored: 'ads', promo: 'ads',
  promoted: 'ads', taboola: 'ads', outbrain: 'ads', commercial: 'ads', banner: 'ads',
  share: 'share buttons', sharing: 'share buttons', sharebar: 'share buttons',
  social: 'share buttons', sharetools: 'share buttons',
  newsletter: 'newsletter sign-ups', subscribe: 'newsletter sign-ups', signup: 'newsletter sign-ups',
  paywall: 'newsletter sign-ups', registration: 'newsletter sign-ups',
  comment: 'comments', comments: 'comments', disqus: 'comments', discussion: 'comments',
  related: 'related links', recommended: 'related links', recommendations: 'related links',
  trending: 'related links', popular: 'related links', readmore: 'related links', more: null,
  sidebar: 'sidebars', rail: 'sidebars', widget: 'sidebars',
  cookie: 'pop-ups', cookies: 'pop-ups', consent: 'pop-ups', modal: 'pop-ups', popup: 'pop-ups',
  footer: 'footers', tags: 'footers', topics: null, hidden: 'hidden text', sr: null,
  visually: null, print: null, noprint: null,
}));

/** Whole blocks that are page furniture, whatever their markup. */
const FURNITURE = /^(?:advertisement|skip advertisement|story continues below(?: this)? advertisement|continue reading(?: the main story)?|share(?: this(?: article| story)?)?(?: on \w+)?|tweet|email|print|copy link|save|listen(?: to this article)?|read more|sign up|subscribe|comments?|\d+ comments?|image|photo|video|menu|close)$/i;

/** Elements that make a block: their text becomes lines of their own. */
const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION',
  'PRE', 'TABLE', 'TR', 'TBODY', 'THEAD', 'TFOOT', 'CAPTION', 'ADDRESS', 'HR', 'DETAILS',
  'SUMMARY', 'CENTER', 'HGROUP', 'BODY', 'HTML']);

const CREDIT_CLASS = /(?:^|[\s_-])(?:credit|credits|copyright|photographer|source|byline|attribution)(?:$|[\s_-])/i;
const CREDIT_WORD = /\b(?:photo|photos|photograph|image|images|picture|credit|courtesy|getty|reuters|ap|afp|epa|shutterstock|file|handout)\b|[/|©]/i;

function classWords(el) {
  const raw = `${el.getAttribute('class') || ''} ${el.getAttribute('id') || ''}`;
  return raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Why this element is not part of the article, or null when it may be. */
function dropReason(el) {
  const tag = el.tagName.toUpperCase();
  if (DROP_TAGS.has(tag)) return DROP_TAGS.get(tag) || 'page furniture';
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return 'hidden text';
  const style = (el.getAttribute('data-x-style') || el.getAttribute('style') || '').replace(/\s+/g, '').toLowerCase();
  if (/display:none|visibility:hidden/.test(style)) return 'hidden text';
  const role = (el.getAttribute('role') || '').toLowerCase();
  // A page's banner or header may hold the headline: keep it when it has an h1.
  const holdsHeadline = () => el.querySelector('h1') !== null;
  if (DROP_ROLES.has(role)) {
    if (role === 'banner' && holdsHeadline()) return null;
    return DROP_ROLES.get(role);
  }
  if (tag === 'HEADER' && !holdsHeadline() && !el.closest('article, main, [role="main"]')) {
    return 'navigation';
  }
  // Class words only where they cannot remove the article itself.
  if (tag === 'ARTICLE' || tag === 'MAIN' || tag === 'BODY' || tag === 'HTML' || /^H[1-6]$/.test(tag) ||
      tag === 'P' || tag === 'FIGCAPTION') {
    return null;
  }
  for (const w of classWords(el)) {
    const why = DROP_WORDS.get(w);
    if (why) {
      // A page's layout classes ("layout-with-rail") may sit on the article's own container.
      if (why !== 'comments' && (holdsHeadline() || holdsProse(el))) return null;
      return why;
    }
  }
  return null;
}

/** Several real paragraphs: the article, not a widget. */
function holdsProse(el) {
  let n = 0;
  let chars = 0;
  for (const p of el.querySelectorAll('p')) {
    const len = p.textContent.trim().length;
    if (len > 80) n++;
    chars += len;
    if (n >= 3 && chars > 600) return true;
  }
  return false;
}

const collapse = (s) => s.replace(/[\s\u00a0]+/g, ' ');

/**
 * Renames, inside tags only, `style` and `on...` attributes and `<style>` elements, so that
 * nothing in the parsed document is even offered to the CSP. Text between tags is untouched.
 */
export function defuse(html) {
  return String(html).replace(/<(\/?)([a-zA-Z][\w:-]*)([^>]*)>/g, (tag, slash, name, attrs) => {
    const n = /^style$/i.test(name) ? 'x-style' : name;
    const a = attrs.replace(/(^|[\s"'\/])(on[a-z]+|style)(\s*=)/gi, '$1data-x-$2$3');
    return `<${slash}${n}${a}>`;
  });
}

/**
 * Plain text of an HTML string, one block per line, and what was kept and dropped.
 * `counts` has headline, subheadings, paragraphs, captions, quotes (blockquotes), items;
 * `dropped` the sorted names of what was left out ("ads", "navigation", ...).
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(defuse(html), 'text/html');
  const lines = [];
  const dropped = new Set();
  const counts = { headline: 0, subheadings: 0, paragraphs: 0, captions: 0, quotes: 0, items: 0 };
  let line = '';
  let lineKind = 'paragraph';

  const flush = () => {
    const t = line.trim();
    line = '';
    const kind = lineKind;
    lineKind = 'paragraph';
    if (!t) return;
    if (FURNITURE.test(t)) {
      dropped.add(/advert/i.test(t) ? 'ads' : 'page furniture');
      return;
    }
    lines.push(t);
    if (kind === 'headline') counts.headline++;
    else if (kind === 'subheading') counts.subheadings++;
    else if (kind === 'caption') counts.captions++;
    else if (kind === 'quote') counts.quotes++;
    else if (kind === 'item') counts.items++;
    else counts.paragraphs++;
  };

  const kindOf = (tag, inQuote) => {
    if (tag === 'H1') return 'headline';
    if (/^H[2-6]$/.test(tag)) return 'subheading';
    if (tag === 'FIGCAPTION' || tag === 'CAPTION') return 'caption';
    if (inQuote) return 'quote';
    if (tag === 'LI' || tag === 'DT' || tag === 'DD') return 'item';
    return 'paragraph';
  };

  function walk(node, ctx) {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        line += ctx.pre ? child.data : collapse(child.data);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.tagName.toUpperCase();
      const why = dropReason(child);
      if (why) {
        dropped.add(why);
        continue;
      }
      if (tag === 'BR') {
        if (ctx.pre) line += '\n';
        else {
          const kind = lineKind;
          flush();
          lineKind = kind;
        }
        continue;
      }
      if (tag === 'FIGCAPTION') {
        flush();
        line = figcaptionText(child);
        lineKind = 'caption';
        flush();
        continue;
      }
      if (tag === 'TD' || tag === 'TH') {
        if (line.trim()) line += ' | ';
        walk(child, ctx);
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        flush();
        const inQuote = ctx.inQuote || tag === 'BLOCKQUOTE';
        lineKind = kindOf(tag, inQuote);
        walk(child, { pre: ctx.pre || tag === 'PRE', inQuote });
        // What is left on the line is the tail of this block (nested blocks flushed theirs).
        lineKind = kindOf(tag, inQuote);
        flush();
        continue;
      }
      walk(child, ctx);
    }
  }

  /** A caption's text, its credit (when marked up apart) in parentheses at the end. */
  function figcaptionText(fc) {
    let credit = '';
    let body = '';
    const visit = (node) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) body += collapse(c.data);
        else if (c.nodeType === 1) {
          if (dropReason(c)) continue;
          const isCredit = c.tagName.toUpperCase() === 'CITE' || c.tagName.toUpperCase() === 'SMALL' ||
            CREDIT_CLASS.test(`${c.getAttribute('class') || ''} ${c.getAttribute('id') || ''}`);
          if (isCredit && !credit) credit = collapse(c.textContent).trim();
          else if (c.tagName.toUpperCase() === 'BR') body += ' ';
          else visit(c);
        }
      }
    };
    visit(fc);
    body = body.trim();
    if (!credit) return body;
    // The analyzer knows a credit by its parentheses and a slash or a word like "Photo".
    let inner = credit.replace(/^\((.*)\)$/s, '$1').trim();
    if (!CREDIT_WORD.test(inner)) inner = `Photo: ${inner}`;
    return `${body}${body ? ' ' : ''}(${inner})`;
  }

  walk(doc.body || doc.documentElement, { pre: false, inQuote: false });
  flush();
  return { text: lines.join('\n'), counts, dropped: [...dropped].sort() };
}

/** Whether an HTML clipboard carries more than its plain text does (markup worth cleaning). */
export function sameWords(a, b) {
  const squash = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim();
  return squash(a) === squash(b);
}

/**
 * Markdown to plain text, one block per line: headings become lines, emphasis and code marks
 * go, links keep their text, images, rules and link definitions go, and the lines of a
 * paragraph (soft-wrapped in Markdown) join into one.
 */
export function markdownToText(md) {
  let src = String(md).replace(/\r\n?/g, '\n');
  // Front matter.
  src = src.replace(/^---\n[\s\S]*?\n(?:---|\.\.\.)\n/, '');
  const out = [];
  let para = [];
  let fence = null;
  const endPara = () => {
    if (para.length) out.push(para.join(' '));
    para = [];
  };
  const lines = src.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      else if (raw.trim()) out.push(raw.trim());
      continue;
    }
    if (fenceMatch) {
      endPara();
      fence = fenceMatch[1];
      continue;
    }
    if (!raw.trim()) {
      endPara();
      continue;
    }
    // Setext heading: the text line before "===" or "---".
    const next = lines[i + 1];
    if (next !== undefined && para.length === 0 && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s*[-*+]\s/.test(raw)) {
      out.push(inline(raw.trim()));
      i++;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw)) { // horizontal rule
      endPara();
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(raw)) continue; // link definition
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(raw)) continue; // table rule
    let m = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(raw);
    if (m) {
      endPara();
      out.push(inline(m[2]));
      continue;
    }
    let line = raw.trim();
    let own = false;
    // Block quotes, then list markers, start their own line.
    while ((m = /^>\s?/.exec(line))) {
      line = line.slice(m[0].length);
      own = true;
    }
    m = /^(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/.exec(line);
    if (m) {
      line = line.slice(m[0].length);
      own = true;
    }
    if (/^\|.*\|$/.test(line)) {
      line = line.slice(1, -1).split('|').map((c) => c.trim()).join(' | ');
      own = true;
    }
    if (own) endPara();
    if (line.trim()) para.push(inline(line.trim()));
    if (own || /\s{2,}$|\\$/.test(raw)) endPara(); // hard break ends the line too
  }
  endPara();
  return out.filter((l) => l.trim()).join('\n');
}

/** Markdown inline markup removed, the words kept. */
function inline(s) {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '') // images
    .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1') // links
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1') // autolinks
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '') // inline HTML tags
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'])/g, '$1')
    .replace(/\s+$/, '');
}

/** The text of a file the user opened or dropped, by its name and type. */
export async function readFileText(file) {
  const name = (file.name || '').toLowerCase();
  const buf = new Uint8Array(await file.arrayBuffer());
  const isHtml = /\.x?html?$/.test(name) || /html/.test(file.type || '');
  const isMd = /\.(md|markdown|mdown|mkd)$/.test(name) || /markdown/.test(file.type || '');
  let raw;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Not UTF-8: an HTML file may declare its charset; older text files are usually cp1252.
    let label = 'windows-1252';
    if (isHtml) {
      const head = new TextDecoder('latin1').decode(buf.subarray(0, 4096));
      const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
      if (m) label = m[1];
    }
    try {
      raw = new TextDecoder(label).decode(buf);
    } catch {
      raw = new TextDecoder('windows-1252').decode(buf);
    }
  }
  raw = raw.replace(/^\uFEFF/, '');
  if (isHtml) return { kind: 'html', raw, ...htmlToText(raw) };
  if (isMd) return { kind: 'markdown', raw, text: markdownToText(raw) };
  return { kind: 'text', raw, text: raw };
}
