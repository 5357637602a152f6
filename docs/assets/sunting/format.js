// The region files' format for the web editor: a save changes only the lines of what the
// editor changed. The CMS gives the whole entry as data; writing that data out afresh would
// drop every comment, expand one-line mappings and move keys. Instead the original file is
// read as a round-trip document (the `yaml` package's Document API), only the semantic
// differences are copied into it, and the result is merged line by line back into the
// original text (a three-way merge: the original, the original as the library writes it,
// and the changed document as the library writes it), so lines the edit did not touch keep
// the editor's own spacing and comments. Runs in the browser (/sunting/) and in Node (tests).
import { parseDocument, isMap, isSeq, isScalar } from "../vendor/yaml/index.js";
import { diff3Merge, diffComm } from "../vendor/node-diff3/diff3.mjs";

const WRITE = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };
// A new short mapping or list of plain values is written on one line, as editors do.
const ONE_LINE_MAX = 72;

function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isEmpty(value) {
  return value === undefined || value === null || value === "" ||
    (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0);
}

function same(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return false;
}

// What a form gives for a field left blank (null, "", an empty list or group) is not data:
// it is dropped, unless the file itself had that very value.
export function withoutBlanks(value, original) {
  if (Array.isArray(value)) {
    return value.map((item, i) => withoutBlanks(item, Array.isArray(original) ? original[i] : undefined));
  }
  if (!isRecord(value)) return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    const before = isRecord(original) ? original[key] : undefined;
    const kept = withoutBlanks(item, before);
    // `false` where the file says nothing is the same "no" (`example`, `sample`): a form's
    // unticked box is not written.
    const blank = isEmpty(kept) || (kept === false && before === undefined);
    if (blank && !(isRecord(original) && Object.hasOwn(original, key) && same(before, kept))) continue;
    out[key] = kept;
  }
  return out;
}

// A new item's keys in the order of the item before it (the form gives them in the order
// they were filled in), others after them.
function ordered(value, like) {
  if (!isRecord(value) || !isRecord(like)) return value;
  const out = {};
  for (const key of Object.keys(like)) if (Object.hasOwn(value, key)) out[key] = value[key];
  return Object.assign(out, value);
}

// Collections inside a new item written as in the item before it (`likeNode`): a new
// evaluation round's `scores: {…}` on one line when the other rounds have theirs so.
function styleLike(node, likeNode) {
  if (!isMap(node) || !isMap(likeNode)) return;
  for (const pair of node.items) {
    const mine = pair.value;
    const theirs = likeNode.get(pair.key?.value ?? pair.key, true);
    if ((isMap(mine) || isSeq(mine)) && (isMap(theirs) || isSeq(theirs))) {
      mine.flow = Boolean(theirs.flow);
      styleLike(mine, theirs);
    }
  }
}

function newNode(doc, value, oneLineLike, like, likeNode) {
  const node = doc.createNode(ordered(value, like));
  if (isMap(node) || isSeq(node)) {
    const short = JSON.stringify(value).length <= ONE_LINE_MAX &&
      Object.values(value).every((v) => v === null || typeof v !== "object");
    node.flow = oneLineLike === undefined ? short : oneLineLike;
    if (!node.flow) styleLike(node, likeNode);
  }
  return node;
}

function flowOf(node) {
  return (isMap(node) || isSeq(node)) ? Boolean(node.flow) : undefined;
}

// Items of a list matched by their `id` when every item has a distinct one (programmes,
// strategies, quick wins, risks) and items were added or removed: removing the second of
// five then removes one item, not rewrites four.
function ids(list) {
  const found = list.map((item) => (isRecord(item) && typeof item.id === "string" ? item.id : null));
  return found.every((id) => id !== null) && new Set(found).size === found.length ? found : null;
}

function applyList(doc, node, before, after) {
  // Same length: item by item (an id may itself have been edited).
  const oldIds = before.length !== after.length && ids(before);
  const newIds = oldIds && ids(after);
  if (oldIds && newIds) {
    const kept = newIds.filter((id) => oldIds.includes(id));
    const keptInOldOrder = oldIds.filter((id) => newIds.includes(id));
    if (same(kept, keptInOldOrder)) {
      for (let i = before.length - 1; i >= 0; i--) {
        if (!newIds.includes(oldIds[i])) node.items.splice(i, 1);
      }
      const current = oldIds.filter((id) => newIds.includes(id));
      after.forEach((item, i) => {
        const at = current.indexOf(item.id);
        if (at >= 0) {
          applyValue(doc, node, at, before[oldIds.indexOf(item.id)], item);
        } else {
          const like = node.items[Math.max(0, i - 1)];
          node.items.splice(i, 0, newNode(doc, item, flowOf(like), after[i - 1] ?? before[0], like));
          current.splice(i, 0, item.id);
        }
      });
      return;
    }
  }
  const common = Math.min(before.length, after.length);
  for (let i = 0; i < common; i++) applyValue(doc, node, i, before[i], after[i]);
  node.items.splice(after.length);
  for (let i = before.length; i < after.length; i++) {
    const like = node.items[node.items.length - 1];
    node.items.push(newNode(doc, after[i], flowOf(like), after[i - 1], like));
  }
}

function applyMap(doc, node, before, after) {
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key)) node.delete(key);
  }
  for (const [key, value] of Object.entries(after)) {
    if (Object.hasOwn(before, key)) {
      applyValue(doc, node, key, before[key], value);
    } else {
      node.set(doc.createNode(key), newNode(doc, value, node.flow ? true : undefined));
    }
  }
}

// Copy `after` into the child `key` of the collection `parent` (whose value was `before`).
function applyValue(doc, parent, key, before, after) {
  if (same(before, after)) return;
  const node = isSeq(parent) ? parent.items[key] : parent.get(key, true);
  if (isRecord(before) && isRecord(after) && isMap(node)) return applyMap(doc, node, before, after);
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node)) return applyList(doc, node, before, after);
  if (isScalar(node) && (after === null || typeof after !== "object")) {
    // The same scalar node, so a comment after it stays; its quoting too, where it can.
    if (typeof node.value !== typeof after || (typeof after === "string" && after.includes("\n"))) {
      node.type = undefined;
    }
    node.value = after;
    return;
  }
  const fresh = newNode(doc, after, flowOf(node));
  if (isSeq(parent)) parent.items[key] = fresh;
  else parent.set(key, fresh);
}

export class FormatError extends Error {}

function readDocument(text) {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) throw new FormatError(doc.errors[0].message);
  return doc;
}

// The file's data, as the form edits it.
export function read(text) {
  return readDocument(text).toJS() ?? {};
}

function lines(text) {
  return text.split("\n");
}

// A line without its comment and with single spaces: the original's `key:   value  # why`
// and the library's `key: value # why` are the same line.
function bare(line) {
  return line.replace(/(^|\s)#.*$/, "").replace(/\s+/g, " ").trim();
}

// Where the edit touches lines that the file and the library write differently (a conflict
// of the merge: `a` the file's lines, `o` the library's form of them, `b` the edited form):
// the lines the edit changed come from `b`; the others keep the file's own form, matched in
// order by their content without comments. A comment the library moved onto a line of its
// own, which the file has after a key, is not repeated.
function resolve(a, o, b) {
  const out = [];
  // The same lines written two ways, line for line (spacing, a long number): matched by place.
  const byPlace = a.length === o.length;
  let next = 0;
  let inO = 0;
  for (const part of diffComm(o, b)) {
    if (!part.common) {
      out.push(...part.buffer2);
      inO += part.buffer1.length;
      continue;
    }
    for (const line of part.common) {
      if (byPlace) {
        out.push(a[inO++]);
        continue;
      }
      inO++;
      const key = bare(line);
      if (key === "" && line.trim() !== "") {
        const at = a.indexOf(line, next);
        if (at >= 0) {
          out.push(a[at]);
          next = at + 1;
        }
        continue;
      }
      let at = next;
      while (at < a.length && bare(a[at]) !== key) at++;
      if (at < a.length) {
        out.push(a[at]);
        next = at + 1;
      } else {
        out.push(line);
      }
    }
  }
  return out;
}

// How the file writes a list under its key: indented ("key:\n  - a", the library's way)
// or level with it ("key:\n- a"); the library writes new lines the same way.
function indentsLists(text) {
  const all = lines(text);
  let indented = 0;
  let level = 0;
  for (let i = 0; i + 1 < all.length; i++) {
    const key = /^( *)[^\s#-][^#]*:\s*(#.*)?$/.exec(all[i]);
    if (!key) continue;
    const next = all.slice(i + 1).find((line) => line.trim() !== "" && !line.trim().startsWith("#"));
    const item = next && /^( *)- /.exec(next);
    if (!item) continue;
    if (item[1].length === key[1].length) level++;
    else if (item[1].length > key[1].length) indented++;
  }
  return indented >= level;
}

// Whole numbers beyond 2^53 (the validator takes 18 digits) are rounded by JavaScript, the
// form included: the file may keep them only where the edit did not rewrite their line.
const LONG_NUMBER = /(?<![\w.])-?\d{16,}(?![\w.])/g;

function keepsLongNumbers(original, text) {
  const count = (source, number) => source.split(number).length - 1;
  for (const number of new Set(original.match(LONG_NUMBER) ?? [])) {
    if (!Number.isSafeInteger(Number(number)) && count(text, number) < count(original, number)) {
      throw new FormatError(`angka ${number} lebih panjang dari yang dapat dijaga editor web; ` +
        "ubah berkas ini langsung di YAML-nya");
    }
  }
}

// The original text with `data`'s differences from it, changing as few lines as it can.
export function reconcile(original, data) {
  const doc = readDocument(original);
  const before = doc.toJS() ?? {};
  const after = withoutBlanks(data, before);
  if (same(before, after)) return original;
  const options = { ...WRITE, indentSeq: indentsLists(original) };
  const base = doc.toString(options);
  if (isMap(doc.contents) && isRecord(after) && isRecord(before)) applyMap(doc, doc.contents, before, after);
  else doc.contents = doc.createNode(after);
  const changed = doc.toString(options);
  const merged = [];
  for (const block of diff3Merge(lines(original), lines(base), lines(changed))) {
    merged.push(...(block.ok ?? resolve(block.conflict.a, block.conflict.o, block.conflict.b)));
  }
  const text = merged.join("\n");
  keepsLongNumbers(original, text);
  // The merge must mean exactly the changed document; otherwise the changed document is
  // saved as the library writes it (correct, with a larger diff).
  try {
    if (same(read(text), read(changed))) return text;
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
  return changed;
}

// A new file (no original): the library's own writing.
export function write(data) {
  const doc = parseDocument("{}");
  doc.contents = doc.createNode(withoutBlanks(data, undefined));
  return doc.toString(WRITE);
}
