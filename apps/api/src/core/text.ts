/**
 * What counts as acceptable text in a field, in two strengths. Both refuse
 * broken UTF-16 (an unpaired surrogate: each database stores it differently)
 * and NUL (PostgreSQL cannot store it).
 *
 * - A label (a name, a login, a URL, a language): one line, nothing invisible.
 *   Controls, line separators and format characters are refused, except the
 *   zero-width joiners that emoji sequences (👩‍💻) and some scripts need; so
 *   are the "letters" that print as nothing (Hangul fillers, the blank Braille
 *   pattern), and a label made only of spaces and characters that print as
 *   nothing (a lone zero-width joiner) would display blank, so it is refused.
 * - Free text (a description): may break lines and hold tabs, soft hyphens and
 *   direction marks, as real GitHub descriptions do; other controls are
 *   refused, and so are the bidirectional embedding, override and isolate
 *   controls that make text display differently from how it reads.
 */

export type TextKind = 'label' | 'free text';

const NOT_IN_A_LABEL = /[\p{Cc}\u2028\u2029\u115f\u1160\u3164\uffa0\u2800]|(?![\u200c\u200d])\p{Cf}/u;
const NOT_IN_FREE_TEXT = /(?![\t\n\r])\p{Cc}|[\u202a-\u202e\u2066-\u2069]/u;
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}]/u;
// U+FFFE, U+FFFF and the like: reserved as never-characters, for no text to carry.
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;

/** Why `value` is not acceptable as `kind`, or undefined when it is. */
export function textProblem(value: string, kind: TextKind): string | undefined {
  if (!value.isWellFormed()) return 'must be valid Unicode text';
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (NONCHARACTER.test(value)) return 'must not contain Unicode noncharacters';
  if (kind === 'label' && NOT_IN_A_LABEL.test(value)) return 'must not contain control, line-break or invisible characters';
  if (kind === 'label' && value.length > 0 && !VISIBLE.test(value)) return 'must contain a visible character';
  if (kind === 'free text' && NOT_IN_FREE_TEXT.test(value)) return 'must not contain control or text-direction override characters';
  return undefined;
}
