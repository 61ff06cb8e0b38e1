/**
 * The "Counterpoint" view in the Explorer: the comparison of the active letter (or response) as a tree. Aims
 * carry a stance icon in the stance's theme colour and the stance word, so colour is never the only signal;
 * their answering passages are children. Then the union's own points, the claims grouped by status, and the
 * notes. Selecting an item reveals it. The tree recomputes only while it is visible.
 */
import * as vscode from 'vscode';
import type { ClaimStatus } from '../../core/contract';
import {
  excerpt,
  STANCE_INFO,
  STATUS_INFO,
  STATUS_ORDER,
  type ReportAim,
  type ReportAnnotation,
  type ReportClaim,
  type ReportLocation,
  type ReportModel,
  type ReportPassage,
  type ReportPoint,
} from '../../core/report/model';
import type { AnalysisService } from '../analysis-service';
import type { Notes } from '../annotations/notes';
import type { Comparison, Comparisons } from '../report/comparison';
import { basename } from '../workspace';

export const TREE_VIEW_ID = 'counterpoint.comparison';
export const REVEAL_COMMAND = 'counterpoint.revealRange';

type Node =
  | { kind: 'section'; id: string; label: string; description?: string; icon: string; children: Node[]; expanded: boolean }
  | { kind: 'aim'; aim: ReportAim }
  | { kind: 'passage'; passage: ReportPassage; aim: ReportAim }
  | { kind: 'point'; point: ReportPoint }
  | { kind: 'claimGroup'; status: ClaimStatus; claims: ReportClaim[] }
  | { kind: 'claim'; claim: ReportClaim }
  | { kind: 'note'; note: ReportAnnotation };

/** A plain snapshot of a tree item, for tests. */
export interface TreeSnapshot {
  label: string;
  description?: string;
  icon?: string;
  colour?: string;
  children: TreeSnapshot[];
}

export class ComparisonTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly view: vscode.TreeView<Node>;
  #comparison: Comparison | undefined;
  #model: ReportModel | undefined;
  #roots: Node[] = [];
  /** The document the tree follows: the last Markdown editor made active. */
  #target: vscode.Uri | undefined;
  #stale = true;
  #refreshing: Promise<void> | undefined;
  readonly #disposables: vscode.Disposable[] = [];
  /** How many times the comparison was computed (tests check that a hidden tree does no work). */
  computations = 0;

  constructor(
    private readonly comparisons: Comparisons,
    service: AnalysisService,
    notes: Notes,
  ) {
    this.view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'markdown') this.#target = editor.document.uri;
    this.#disposables.push(
      this.#changed,
      this.view,
      this.view.onDidChangeVisibility((e) => {
        if (e.visible && this.#stale) void this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e?.document.languageId !== 'markdown' || e.document.uri.toString() === this.#target?.toString()) return;
        this.#target = e.document.uri;
        this.#invalidate();
      }),
      service.onDidAnalyse((a) => {
        if (this.#concerns(a.uri)) this.#invalidate();
      }),
      notes.onDidChange((uri) => {
        if (!uri || this.#concerns(uri)) this.#invalidate();
      }),
    );
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }

  #concerns(uri: vscode.Uri): boolean {
    const k = uri.toString();
    return k === this.#target?.toString() || k === this.#comparison?.letter.uri.toString() || k === this.#comparison?.response.uri.toString();
  }

  /** Marks the tree out of date; recomputes now only if it is visible. */
  #invalidate(): void {
    this.#stale = true;
    if (this.view.visible) void this.refresh();
  }

  /** Follows a document (the report's commands call this so the tree shows the same comparison). */
  follow(uri: vscode.Uri): void {
    this.#target = uri;
    this.#invalidate();
  }

  async refresh(): Promise<void> {
    if (this.#refreshing) {
      await this.#refreshing;
      if (!this.#stale) return;
    }
    this.#refreshing = (async () => {
      this.#stale = false;
      this.computations++;
      try {
        this.#comparison = this.#target ? await this.comparisons.forDocument(this.#target) : undefined;
        this.#model = this.#comparison ? await this.comparisons.model(this.#comparison) : undefined;
      } catch {
        this.#comparison = undefined;
        this.#model = undefined;
      }
      this.#roots = this.#model ? buildRoots(this.#model) : [];
      this.view.description = this.#comparison ? `${basename(this.#comparison.letter.uri)} ↔ ${basename(this.#comparison.response.uri)}` : undefined;
      this.view.message =
        this.#target && !this.#comparison ? `${basename(this.#target)} is not paired with a letter or a response yet. Run "Compare Letter with Response…" to choose its partner.` : undefined;
      this.#changed.fire();
    })();
    try {
      await this.#refreshing;
    } finally {
      this.#refreshing = undefined;
    }
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.#roots;
    switch (node.kind) {
      case 'section':
        return node.children;
      case 'aim':
        return node.aim.passages.map((passage) => ({ kind: 'passage', passage, aim: node.aim }));
      case 'claimGroup':
        return node.claims.map((claim) => ({ kind: 'claim', claim }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const c = this.#comparison;
    const reveal = (l: ReportLocation): vscode.Command | undefined =>
      c ? { command: REVEAL_COMMAND, title: 'Show in the document', arguments: [(l.doc === 'letter' ? c.letter.uri : c.response.uri).toString(), l.start, l.end] } : undefined;
    switch (node.kind) {
      case 'section': {
        const item = new vscode.TreeItem(node.label, node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `section:${node.id}`;
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.contextValue = `counterpoint.section.${node.id}`;
        return item;
      }
      case 'aim': {
        const a = node.aim;
        const info = STANCE_INFO[a.stance];
        const item = new vscode.TreeItem(`${a.number}. ${a.title}`, a.passages.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        item.id = `aim:${a.id}`;
        item.description = info.label;
        item.iconPath = new vscode.ThemeIcon(info.codicon, new vscode.ThemeColor(info.themeColour));
        item.tooltip = tooltip(`Aim ${a.number}: ${a.title}`, `${info.label}. ${info.description}`, a.body);
        item.accessibilityInformation = { label: `Aim ${a.number}, ${a.title}: ${info.label}` };
        item.contextValue = `counterpoint.aim.${a.stance}`;
        item.command = reveal(a.location);
        return item;
      }
      case 'passage': {
        const p = node.passage;
        const text = p.runs.map((r) => r.text).join('');
        const item = new vscode.TreeItem(`Response ¶${p.paragraph}`, vscode.TreeItemCollapsibleState.None);
        item.id = `passage:${node.aim.id}:${p.location.start}`;
        item.description = excerpt(text, 90);
        item.iconPath = new vscode.ThemeIcon('quote');
        item.tooltip = tooltip(`Response ¶${p.paragraph}, line ${p.location.line}`, undefined, text);
        item.command = reveal(p.location);
        return item;
      }
      case 'point': {
        const p = node.point;
        const item = new vscode.TreeItem(`Response ¶${p.paragraph}`, vscode.TreeItemCollapsibleState.None);
        item.id = `point:${p.location.start}`;
        item.description = excerpt(p.display, 90);
        item.iconPath = new vscode.ThemeIcon('comment-discussion');
        item.tooltip = tooltip(`Response ¶${p.paragraph}, line ${p.location.line}`, 'A point of the union’s own: it answers no aim.', p.display);
        item.command = reveal(p.location);
        return item;
      }
      case 'claimGroup': {
        const info = STATUS_INFO[node.status];
        const item = new vscode.TreeItem(`${info.label} (${node.claims.length})`, info.flagged ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `claims:${node.status}`;
        item.description = info.description;
        item.iconPath = claimIcon(node.status);
        return item;
      }
      case 'claim': {
        const cl = node.claim;
        const info = STATUS_INFO[cl.status];
        const item = new vscode.TreeItem(excerpt(cl.display, 70), vscode.TreeItemCollapsibleState.None);
        item.id = `claim:${cl.doc}:${cl.location.start}`;
        item.description = `${cl.doc === 'letter' ? 'Letter' : 'Response'}, line ${cl.location.line} · ${cl.rung}`;
        item.iconPath = claimIcon(cl.status);
        item.tooltip = tooltip(`${info.label} claim (${cl.rung})`, cl.reason, cl.display);
        item.command = reveal(cl.location);
        return item;
      }
      case 'note': {
        const n = node.note;
        const first = n.comments[0];
        const item = new vscode.TreeItem(`${n.orphaned ? '[orphaned] ' : ''}“${excerpt(n.quote, 50)}”`, vscode.TreeItemCollapsibleState.None);
        item.id = `note:${n.id}`;
        item.description = first ? excerpt(first.body, 70) : undefined;
        item.iconPath = new vscode.ThemeIcon(n.orphaned ? 'comment-unresolved' : n.status === 'resolved' ? 'pass' : 'comment');
        item.tooltip = tooltip(n.orphaned ? 'Orphaned note: its text is no longer in the document' : `Note (${n.status})`, undefined, n.comments.map((x) => `${x.author}: ${x.body}`).join('\n'));
        if (n.location) item.command = reveal(n.location);
        return item;
      }
    }
  }

  /** The tree as plain data (for tests), computing it if it is out of date. */
  async snapshot(): Promise<TreeSnapshot[]> {
    if (this.#stale || !this.#model) await this.refresh();
    const walk = (nodes: Node[]): TreeSnapshot[] =>
      nodes.map((n) => {
        const item = this.getTreeItem(n);
        const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
        return {
          label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
          ...(typeof item.description === 'string' ? { description: item.description } : {}),
          ...(icon ? { icon: icon.id } : {}),
          ...(icon?.color ? { colour: (icon.color as unknown as { id: string }).id } : {}),
          children: walk(this.getChildren(n)),
        };
      });
    return walk(this.#roots);
  }
}

function claimIcon(status: ClaimStatus): vscode.ThemeIcon {
  switch (status) {
    case 'disputed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('charts.red'));
    case 'overstated':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.orange'));
    case 'unevidenced':
      return new vscode.ThemeIcon('question', new vscode.ThemeColor('charts.yellow'));
    case 'evidenced':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'));
    default:
      return new vscode.ThemeIcon('circle-small');
  }
}

/** A tooltip whose document text is added as text, never as Markdown. */
function tooltip(title: string, note: string | undefined, text: string | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**');
  md.appendText(title);
  md.appendMarkdown('**');
  if (note) {
    md.appendMarkdown('\n\n');
    md.appendText(note);
  }
  if (text) {
    md.appendMarkdown('\n\n');
    md.appendText(excerpt(text, 600));
  }
  return md;
}

function buildRoots(m: ReportModel): Node[] {
  const roots: Node[] = [];
  roots.push({
    kind: 'section',
    id: 'aims',
    label: 'Aims and answers',
    description: m.summary.aims === 0 ? 'no aims found' : `${m.summary.aims} aims, ${m.summary.unanswered} unanswered`,
    icon: 'checklist',
    expanded: true,
    children: m.aims.map((aim) => ({ kind: 'aim', aim })),
  });
  if (m.points.length > 0) {
    roots.push({ kind: 'section', id: 'points', label: 'The union’s own points', description: String(m.points.length), icon: 'comment-discussion', expanded: false, children: m.points.map((point) => ({ kind: 'point', point })) });
  }
  const claims = [...m.flaggedClaims, ...m.otherClaims];
  const groups: Node[] = STATUS_ORDER.map((status) => ({ status, list: claims.filter((c) => c.status === status) }))
    .filter((g) => g.list.length > 0)
    .map((g) => ({ kind: 'claimGroup', status: g.status, claims: g.list }));
  roots.push({
    kind: 'section',
    id: 'claims',
    label: 'Claims of union involvement',
    description: claims.length === 0 ? 'none' : `${m.flaggedClaims.length} flagged`,
    icon: 'law',
    expanded: true,
    children: groups,
  });
  if (m.annotations.length > 0) {
    roots.push({
      kind: 'section',
      id: 'notes',
      label: 'Notes',
      description: m.summary.orphanedAnnotations > 0 ? `${m.annotations.length}, ${m.summary.orphanedAnnotations} orphaned` : String(m.annotations.length),
      icon: 'comment',
      expanded: false,
      children: m.annotations.map((note) => ({ kind: 'note', note })),
    });
  }
  return roots;
}
