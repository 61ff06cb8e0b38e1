/**
 * The style sheets' common part: what the comparison report (`html.ts`) and the summary of changes between two
 * versions of a letter (`versions-html.ts`) share, written once. Each page's sheet is `THEME_CSS + BASE_CSS` and
 * then its own rules, which may refine these. (When each page had a sheet of its own, some base rules came after
 * page rules; moving them first changes nothing, as no page rule sets the same property on the same element with
 * the same specificity as a base rule that used to follow it.)
 *
 * `css` and `js` tag the style sheets and the webview scripts of this folder. At run time they give the text as
 * written; when scripts/build.mjs bundles the extension and the CLI it minifies each tagged literal (white space
 * and comments out, shorter colours), which keeps the source readable and the bundles small. A tagged literal
 * holds plain text only: no `${…}` and no backslash (the build refuses them, so raw and cooked text agree).
 */
export const css = String.raw;
export const js = String.raw;

/** Colours, fonts and corner radius: VS Code's theme in the webview, light and dark fallbacks elsewhere. */
export const THEME_CSS = css`
:root {
  --cp-bg: var(--vscode-editor-background, #ffffff);
  --cp-fg: var(--vscode-editor-foreground, #1f2328);
  --cp-muted: var(--vscode-descriptionForeground, #59636e);
  --cp-border: var(--vscode-panel-border, #d8dee4);
  --cp-card: var(--vscode-editorWidget-background, #f6f8fa);
  --cp-quote: var(--vscode-textBlockQuote-background, #f6f8fa);
  --cp-quote-border: var(--vscode-textBlockQuote-border, #d0d7de);
  --cp-link: var(--vscode-textLink-foreground, #0969da);
  --cp-focus: var(--vscode-focusBorder, #0969da);
  --cp-hover: var(--vscode-list-hoverBackground, #eef1f4);
  --cp-contrast: var(--vscode-contrastBorder, transparent);
  --cp-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  --cp-mono: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  --cp-quote-font: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif;
  --cp-radius: 6px;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --cp-bg: var(--vscode-editor-background, #0f1419);
    --cp-fg: var(--vscode-editor-foreground, #e6edf3);
    --cp-muted: var(--vscode-descriptionForeground, #9aa4ae);
    --cp-border: var(--vscode-panel-border, #30363d);
    --cp-card: var(--vscode-editorWidget-background, #161b22);
    --cp-quote: var(--vscode-textBlockQuote-background, #1b222b);
    --cp-quote-border: var(--vscode-textBlockQuote-border, #3d444d);
    --cp-link: var(--vscode-textLink-foreground, #4493f8);
    --cp-focus: var(--vscode-focusBorder, #4493f8);
    --cp-hover: var(--vscode-list-hoverBackground, #1f2630);
  }
}
`;

/** Rules both pages share. */
export const BASE_CSS = css`
* { box-sizing: border-box; }
body { margin: 0; background: var(--cp-bg); color: var(--cp-fg); font-family: var(--cp-font); font-size: 14px; line-height: 1.5; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h2 { font-size: 1.15em; font-weight: 650; margin: 0 0 2px; }
p { margin: 0; }
.sep { color: var(--cp-muted); margin: 0 .45em; }
.eyebrow { display: flex; align-items: center; gap: 6px; color: var(--cp-muted); font-size: .78em; text-transform: uppercase; letter-spacing: .08em; font-weight: 600; }
.eyebrow .sep { margin: 0; }
.paths { color: var(--cp-muted); font-size: .86em; overflow-wrap: anywhere; }
.tile span { color: var(--cp-muted); }
.hint { color: var(--cp-muted); font-size: .9em; margin: 2px 0 12px; }
.aim-number { font-weight: 700; color: var(--cp-fg); text-transform: uppercase; letter-spacing: .05em; font-size: .92em; }
.loc { font: inherit; font-size: 1em; color: var(--cp-muted); background: none; border: 0; padding: 0; }
button.loc { color: var(--cp-link); cursor: pointer; text-decoration: underline; text-underline-offset: 2px; }
button.loc:focus-visible, [data-reveal]:focus-visible { outline: 2px solid var(--cp-focus); outline-offset: 2px; }
[data-reveal] { cursor: pointer; }
`;
