import { parseDocument } from '../src/core/document/parse';
const src = '\uFEFF---\r\nrole: letter\r\ndate: 2026-03-12\r\n---\r\n# Review of OMiC\r\n\r\nDear colleagues,\r\n\r\n**Release capacity** – streamline case management, e.g. reduce admin. We will do it by Spring 2026.\r\n\r\n1. Align with reform – deliver the ISR.\r\n2. *Consistency*: one way of working 😀 here. Next one.\r\n\r\n> Quoted \\*text\\* line one\r\n> line two &amp; more.\r\n\r\n| Aim | Detail |\r\n|---|---|\r\n| Digital | Adjust OASys. |\r\n\r\n<!-- counterpoint-disable-next-line unevidenced-claim -- minutes in annex -->\r\nAgreed with the unions.\r\n';
const d = parseDocument(src, 'x.md');
const s = src.slice(1);
console.log(d.frontMatter, d.warnings, d.directives);
for (const b of d.blocks) console.log(b.kind, JSON.stringify(s.slice(b.span.start, b.span.end)), '|', b.text, b.leadIn ? JSON.stringify(s.slice(b.leadIn.start, b.leadIn.end)) : '', b.list, b.position.start);
for (const x of d.sentences) console.log('  S', JSON.stringify(s.slice(x.span.start, x.span.end)), '|', x.text);
