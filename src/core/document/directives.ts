import type { LineIndex, Span } from '../text/positions';
import { firstAtLeastBy } from '../text/search';

/**
 * Inline directives in HTML comments, in the style of markdownlint and Vale:
 *
 *   <!-- counterpoint-disable-next-line unevidenced-claim -- minutes are in the annex -->
 *   <!-- counterpoint-disable disputed-claim -- settled at the May JNCC -->  …  <!-- counterpoint-enable -->
 *
 * With no rule named, every rule is silenced. The reason after ` -- ` is kept and shown in reports.
 * `disable-next-line` silences the next block (the paragraph, heading, list item or table row that starts on
 * the next non-blank line), since letters wrap sentences over several lines.
 */
export interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** Rule ids named; empty means every rule. */
  rules: string[];
  reason?: string;
  /** The comment itself. */
  span: Span;
  line: number;
  /** The source range the directive silences (filled once blocks are known); empty for `enable`. */
  scope: Span;
}

const PATTERN = /^<!--\s*counterpoint-(disable-next-line|disable|enable)\b([\s\S]*?)-->\s*$/;

export function readDirectives(source: string, comments: Span[], lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  for (const span of comments) {
    const raw = source.slice(span.start, span.end).trim();
    const m = PATTERN.exec(raw);
    if (!m) continue;
    const body = m[2];
    const sep = body.indexOf(' -- ');
    const rulePart = sep >= 0 ? body.slice(0, sep) : body;
    const reason = sep >= 0 ? body.slice(sep + 4).trim() : undefined;
    const rules = rulePart
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter((r) => r.length > 0);
    out.push({
      kind: m[1] as Directive['kind'],
      rules,
      ...(reason ? { reason } : {}),
      span,
      line: lines.point(span.start).line,
      scope: { start: span.end, end: span.end },
    });
  }
  return out;
}

/** Works out what each directive covers, given the starts and ends of the document's blocks (sorted). */
export function scopeDirectives(directives: Directive[], blocks: Span[], textLength: number): void {
  for (let i = 0; i < directives.length; i++) {
    const d = directives[i];
    if (d.kind === 'disable-next-line') {
      const next = firstBlockAfter(blocks, d.span.end);
      d.scope = next ?? { start: d.span.end, end: d.span.end };
    } else if (d.kind === 'disable') {
      let end = textLength;
      for (let j = i + 1; j < directives.length; j++) {
        const e = directives[j];
        if (e.kind === 'enable' && (e.rules.length === 0 || d.rules.length === 0 || e.rules.some((r) => d.rules.includes(r)))) {
          end = e.span.start;
          break;
        }
      }
      d.scope = { start: d.span.end, end };
    }
  }
}

function firstBlockAfter(blocks: Span[], offset: number): Span | undefined {
  return blocks[firstAtLeastBy(blocks, offset, (b) => b.start)];
}

/** The directive that silences `ruleId` over `span`, if any. */
export function silencedBy(directives: Directive[], ruleId: string, span: Span): Directive | undefined {
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    if (d.rules.length > 0 && !d.rules.includes(ruleId)) continue;
    if (span.start >= d.scope.start && span.start < Math.max(d.scope.end, d.scope.start + 1)) return d;
  }
  return undefined;
}
