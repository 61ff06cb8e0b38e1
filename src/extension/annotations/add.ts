/**
 * The Add Annotation command's work: which document, which span, and the note's text (asking for what was not
 * given), then the note added. Loaded with the features file (src/extension/lazy/), as the notes themselves are;
 * commands/index.ts registers the command and reads the active editor before loading it.
 */
import * as vscode from 'vscode';
import { excerpt } from '../../core/report/model';
import { pickMarkdown } from '../report/comparison';
import { spanOf } from './controller';
import type { NoteInfo, Notes } from './notes';

export interface AddAnnotationOptions {
  start?: unknown;
  end?: unknown;
  range?: unknown;
  body?: unknown;
}

/** Adds a note on `uri` (asked for when undefined) as `options` say; undefined when cancelled. */
export async function addAnnotation(notes: Notes, uri: vscode.Uri | undefined, o: AddAnnotationOptions): Promise<NoteInfo | undefined> {
  uri ??= await pickMarkdown({ title: 'Add a note to…', placeHolder: 'Choose the letter or response to annotate' });
  if (!uri) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isUntitled) {
    void vscode.window.showInformationMessage('Counterpoint: save the document first; notes are kept beside saved files.');
    return undefined;
  }
  let span: { start: number; end: number };
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    const length = document.getText().length;
    span = { start: Math.max(0, Math.min(o.start, length)), end: Math.max(0, Math.min(o.end, length)) };
  } else if (Array.isArray(o.range) && o.range.length === 4 && o.range.every((n) => typeof n === 'number')) {
    const [a, b, c, d] = o.range as number[];
    span = spanOf(document, new vscode.Range(a, b, c, d));
  } else {
    const target = uri;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString()) ?? (await vscode.window.showTextDocument(document, { preview: false }));
    span = spanOf(document, editor.selection);
  }
  if (span.end < span.start) span = { start: span.end, end: span.start };
  let body = typeof o.body === 'string' ? o.body : undefined;
  if (body === undefined) {
    const quote = excerpt(document.getText().slice(span.start, span.end), 60) || 'this point';
    body = await vscode.window.showInputBox({
      title: `Note on “${quote}”`,
      prompt: 'Kept beside the workspace in .counterpoint/annotations.json, not in the document.',
      placeHolder: 'What should colleagues know about this passage?',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'Write a note, or press Escape to cancel.'),
    });
  }
  if (!body?.trim()) return undefined;
  return notes.add(document, span.start, span.end, body.trim());
}
