/**
 * Reading Counterpoint's settings. In an untrusted workspace the two settings that point the engine at files or
 * change what it looks for (`counterpoint.consultationLog`, `counterpoint.extraClaimPhrases`) are taken from the
 * user's own settings only, never from the workspace, and the user is told so once.
 */
import * as vscode from 'vscode';
import { RUNGS, type Rung } from '../core/contract';
import { RULES, type RuleId, type Severity } from '../core/rules';
import type { ExtraPhrase } from '../core/claims/claims';

export const SECTION = 'counterpoint';
export type SeveritySetting = Severity | 'off';
export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  run: RunMode;
  severity: Record<RuleId, SeveritySetting>;
  /** The consultation log path from settings ('' when unset): relative to the workspace folder, or absolute. */
  consultationLog: string;
  extraPhrases: ExtraPhrase[];
  /** Problems with the settings themselves, in words, for the output channel. */
  problems: string[];
}

/** Settings that are read from the user's settings only when the workspace is not trusted. */
export const RESTRICTED = ['consultationLog', 'extraClaimPhrases'] as const;

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export function readSettings(scope?: vscode.Uri, trusted: boolean = vscode.workspace.isTrusted): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const problems: string[] = [];
  const severity = {} as Record<RuleId, SeveritySetting>;
  const configured = config.get<Record<string, unknown>>('severity') ?? {};
  for (const id of Object.keys(RULES) as RuleId[]) {
    const v = configured[id];
    if (v === undefined) severity[id] = RULES[id].severity;
    else if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) severity[id] = v as SeveritySetting;
    else {
      severity[id] = RULES[id].severity;
      problems.push(`counterpoint.severity: "${String(v)}" is not a severity for ${id}; use error, warning, information, hint or off.`);
    }
  }
  for (const key of Object.keys(configured)) {
    if (!(key in RULES)) problems.push(`counterpoint.severity: there is no rule called "${key}".`);
  }
  const run = config.get<string>('run') === 'onSave' ? 'onSave' : 'onType';
  const log = restricted<string>(config, 'consultationLog', trusted);
  const phrases = restricted<unknown>(config, 'extraClaimPhrases', trusted);
  return {
    enable: config.get<boolean>('enable') !== false,
    run,
    severity,
    consultationLog: typeof log === 'string' ? log.trim() : '',
    extraPhrases: readPhrases(phrases, problems),
    problems,
  };
}

/** A setting's value, ignoring workspace and folder values when the workspace is not trusted. */
function restricted<T>(config: vscode.WorkspaceConfiguration, key: string, trusted: boolean): T | undefined {
  if (trusted) return config.get<T>(key);
  const i = config.inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue;
}

/** True when the workspace sets a restricted setting that is being ignored because it is not trusted. */
export function ignoredWorkspaceSettings(scope?: vscode.Uri): string[] {
  if (vscode.workspace.isTrusted) return [];
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return RESTRICTED.filter((key) => {
    const i = config.inspect(key);
    return i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined;
  }).map((k) => `${SECTION}.${k}`);
}

/**
 * The restricted settings the workspace sets, for telling the user they are ignored: those `inspect()` reports,
 * and those written in the workspace's own settings files (each folder's .vscode/settings.json, a .code-workspace
 * file). In Restricted Mode VS Code itself drops the workspace values of the settings listed in package.json's
 * `restrictedConfigurations`, so `inspect()` no longer shows them and only the files tell.
 */
export async function ignoredWorkspaceSettingsAsync(scope?: vscode.Uri): Promise<string[]> {
  if (vscode.workspace.isTrusted) return [];
  const found = new Set(ignoredWorkspaceSettings(scope));
  const files = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
  if (vscode.workspace.workspaceFile) files.push(vscode.workspace.workspaceFile);
  for (const uri of files) {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      continue; // no such file (or an untitled workspace)
    }
    const bare = text.replace(JSONC_COMMENT, (_, string: string | undefined) => string ?? ' ');
    for (const [name, key] of RESTRICTED_KEYS) if (key.test(bare)) found.add(name);
  }
  return RESTRICTED.map((k) => `${SECTION}.${k}`).filter((name) => found.has(name));
}

/** A JSON string (kept), or a // or /* comment (removed), in a settings file. */
const JSONC_COMMENT = /("(?:[^"\\\n]|\\.)*"?)|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g;
const RESTRICTED_KEYS = RESTRICTED.map((k) => [`${SECTION}.${k}`, new RegExp(`"${SECTION}\\.${k}"\\s*:`)] as const);

/** Validates `counterpoint.extraClaimPhrases`: each a literal phrase and a rung of the ladder. */
export function readPhrases(value: unknown, problems: string[] = []): ExtraPhrase[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push('counterpoint.extraClaimPhrases should be a list of { "phrase": …, "rung": … } entries.');
    return [];
  }
  const out: ExtraPhrase[] = [];
  for (const item of value) {
    const phrase = item && typeof item === 'object' ? (item as { phrase?: unknown }).phrase : undefined;
    const rung = item && typeof item === 'object' ? (item as { rung?: unknown }).rung : undefined;
    if (typeof phrase !== 'string' || phrase.trim().length < 3) {
      problems.push(`counterpoint.extraClaimPhrases: ${JSON.stringify(item)} needs a "phrase" of at least three characters.`);
      continue;
    }
    if (typeof rung !== 'string' || !(RUNGS as readonly string[]).includes(rung)) {
      problems.push(`counterpoint.extraClaimPhrases: "${phrase}" needs a "rung": one of ${RUNGS.join(', ')}.`);
      continue;
    }
    out.push({ phrase: phrase.trim(), rung: rung as Rung });
  }
  return out;
}

/** A key that changes whenever a setting that affects analysis results changes. */
export function settingsKey(s: Settings): string {
  return JSON.stringify([s.consultationLog, s.extraPhrases]);
}
