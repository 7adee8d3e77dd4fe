import type { FormattedNode } from './types';

/** A variable node as it appears in formatted text. */
export type FormattedVariableNode = Extract<FormattedNode, { type: 'variable' }>;

/** Text to format: literal strings and variables, which stay atomic whatever their value. */
export type FormattingSegment = string | FormattedVariableNode;

type Atom = { kind: 'character'; character: string } | { kind: 'variable'; node: FormattedVariableNode };

interface Marker {
  token: string;
  type: 'bold' | 'italic' | 'strikethrough' | 'monospace';
}

// Longest first, so ``` is never read as three one-character markers.
const markers: readonly Marker[] = [
  { token: '```', type: 'monospace' },
  { token: '*', type: 'bold' },
  { token: '_', type: 'italic' },
  { token: '~', type: 'strikethrough' },
];

const wordCharacter = /^[\p{L}\p{N}\p{M}]$/u;
const whitespace = /^\s$/u;

/*
 * A variable's value is unknown while the template is edited and never interpreted, so it
 * counts as a word: `*{{1}}*` is bold, `a_{{1}}_` is not italic.
 */
function isWord(atom: Atom | undefined): boolean {
  if (atom === undefined) return false;
  return atom.kind === 'variable' || wordCharacter.test(atom.character);
}

function isWhitespace(atom: Atom | undefined): boolean {
  return atom !== undefined && atom.kind === 'character' && whitespace.test(atom.character);
}

function markerAt(line: readonly Atom[], index: number): Marker | null {
  for (const marker of markers) {
    let matches = true;
    for (let offset = 0; offset < marker.token.length; offset += 1) {
      const atom = line[index + offset];
      if (atom?.kind !== 'character' || atom.character !== marker.token[offset]) {
        matches = false;
        break;
      }
    }
    if (matches) return marker;
  }
  return null;
}

/*
 * WhatsApp's rules: a marker opens only at the start of a word (not after a letter or digit,
 * so `snake_case_name` stays as typed) and before a non-space; it closes only after a
 * non-space and at the end of a word. The span between must not be empty.
 */
function canOpen(line: readonly Atom[], index: number, marker: Marker): boolean {
  const next = line[index + marker.token.length];
  return !isWord(line[index - 1]) && next !== undefined && !isWhitespace(next);
}

function canClose(line: readonly Atom[], index: number, marker: Marker): boolean {
  const previous = line[index - 1];
  return previous !== undefined && !isWhitespace(previous) && !isWord(line[index + marker.token.length]);
}

function findCloser(line: readonly Atom[], opener: number, end: number, marker: Marker): number | null {
  const contentStart = opener + marker.token.length;
  for (let index = contentStart + 1; index + marker.token.length <= end; index += 1) {
    if (markerAt(line, index)?.token === marker.token && canClose(line, index, marker)) return index;
  }
  return null;
}

function appendText(nodes: FormattedNode[], text: string): void {
  const last = nodes.at(-1);
  if (last?.type === 'text') nodes[nodes.length - 1] = { type: 'text', text: last.text + text };
  else nodes.push({ type: 'text', text });
}

// Monospace shows its content verbatim: markers inside are text, variables stay atomic.
function monospaceNodes(line: readonly Atom[], start: number, end: number): FormattedNode[] {
  const nodes: FormattedNode[] = [];
  let text = '';
  for (let index = start; index < end; index += 1) {
    const atom = line[index];
    if (atom === undefined) continue;
    if (atom.kind === 'character') {
      text += atom.character;
      continue;
    }
    if (text !== '') nodes.push({ type: 'monospace', text });
    text = '';
    nodes.push({ ...atom.node, monospace: true });
  }
  if (text !== '') nodes.push({ type: 'monospace', text });
  return nodes;
}

function parseRange(line: readonly Atom[], start: number, end: number): FormattedNode[] {
  const nodes: FormattedNode[] = [];
  let index = start;
  while (index < end) {
    const atom = line[index];
    if (atom === undefined) break;
    if (atom.kind === 'variable') {
      nodes.push(atom.node);
      index += 1;
      continue;
    }
    const marker = markerAt(line, index);
    const closer =
      marker !== null && index + marker.token.length <= end && canOpen(line, index, marker)
        ? findCloser(line, index, end, marker)
        : null;
    if (marker === null || closer === null) {
      appendText(nodes, marker?.token ?? atom.character);
      index += marker?.token.length ?? 1;
      continue;
    }
    const contentStart = index + marker.token.length;
    if (marker.type === 'monospace') {
      nodes.push(...monospaceNodes(line, contentStart, closer));
    } else {
      nodes.push({ type: marker.type, children: parseRange(line, contentStart, closer) });
    }
    index = closer + marker.token.length;
  }
  return nodes;
}

function toLines(segments: readonly FormattingSegment[]): Atom[][] {
  const lines: Atom[][] = [[]];
  for (const segment of segments) {
    if (typeof segment !== 'string') {
      lines.at(-1)?.push({ kind: 'variable', node: segment });
      continue;
    }
    // By code point, so an emoji is one atom and never half a word.
    for (const character of segment) {
      if (character === '\n') lines.push([]);
      else lines.at(-1)?.push({ kind: 'character', character });
    }
  }
  return lines;
}

/**
 * Formats text and variables with WhatsApp's markers (`*bold*`, `_italic_`, `~strikethrough~`,
 * ```` ```monospace``` ````) into nodes. Markers pair within one line, nest (`*_both_*`) and
 * stay literal when unmatched or inside a word; newlines become `linebreak` nodes. Variables
 * are atomic: their values are never read, so markup in a value shows as typed.
 */
export function formatSegments(segments: readonly FormattingSegment[]): FormattedNode[] {
  const nodes: FormattedNode[] = [];
  toLines(segments).forEach((line, lineIndex) => {
    if (lineIndex > 0) nodes.push({ type: 'linebreak' });
    nodes.push(...parseRange(line, 0, line.length));
  });
  return nodes;
}

/**
 * Formats plain WhatsApp text (no variables) into nodes, e.g. a sent notification's body.
 * Never HTML: a renderer maps each node to elements.
 *
 * @example
 * formatWhatsAppText('Hi *there*'); // [{ type: 'text', text: 'Hi ' }, { type: 'bold', children: [{ type: 'text', text: 'there' }] }]
 */
export function formatWhatsAppText(text: string): FormattedNode[] {
  return formatSegments([text]);
}
