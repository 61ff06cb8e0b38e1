/**
 * Workspace Trust: in an untrusted workspace the settings that change what Counterpoint reads or looks for
 * (counterpoint.consultationLog, counterpoint.extraClaimPhrases) are taken from the user's own settings only,
 * and the workspace's values are reported as ignored; package.json declares limited support and lists them.
 * The settings module runs against a stand-in for the vscode API holding user and workspace values.
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const state = {
  trusted: true,
  values: {} as Record<string, { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown; defaultValue?: unknown }>,
};

vi.mock('vscode', () => {
  const get = (key: string) => {
    const v = state.values[key] ?? {};
    return v.workspaceFolderValue ?? v.workspaceValue ?? v.globalValue ?? v.defaultValue;
  };
  return {
    workspace: {
      get isTrusted() {
        return state.trusted;
      },
      getConfiguration: () => ({ get, inspect: (key: string) => ({ key, ...(state.values[key] ?? {}) }) }),
    },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  };
});

const { readSettings, ignoredWorkspaceSettings, readPhrases } = await import('../../src/extension/settings');

function configure(trusted: boolean) {
  state.trusted = trusted;
  state.values = {
    consultationLog: { globalValue: 'my-log.md', workspaceValue: '/etc/passwd', defaultValue: '' },
    extraClaimPhrases: { globalValue: [{ phrase: 'rubber-stamped', rung: 'agreed' }], workspaceValue: [{ phrase: 'signed off', rung: 'agreed' }, { phrase: '(a+)+$', rung: 'consulted' }], defaultValue: [] },
    run: { defaultValue: 'onType' },
    severity: { workspaceValue: { 'unevidenced-claim': 'error' }, defaultValue: {} },
  };
}

describe('settings and Workspace Trust', () => {
  it('trusted: workspace values win', () => {
    configure(true);
    const s = readSettings(undefined, true);
    expect(s.consultationLog).toBe('/etc/passwd');
    expect(s.extraPhrases.map((p) => p.phrase)).toEqual(['signed off', '(a+)+$']);
    expect(ignoredWorkspaceSettings()).toEqual([]);
  });

  it('untrusted: the log path and extra phrases come from user settings only, and the ignored ones are named', () => {
    configure(false);
    const s = readSettings(undefined, false);
    expect(s.consultationLog).toBe('my-log.md');
    expect(s.extraPhrases).toEqual([{ phrase: 'rubber-stamped', rung: 'agreed' }]);
    expect(ignoredWorkspaceSettings()).toEqual(['counterpoint.consultationLog', 'counterpoint.extraClaimPhrases']);
    // Settings that cannot send Counterpoint anywhere still apply from the workspace.
    expect(s.severity['unevidenced-claim']).toBe('error');
  });

  it('untrusted with no user values: the defaults, never the workspace', () => {
    configure(false);
    state.values.consultationLog = { workspaceValue: '../../outside/log.md', defaultValue: '' };
    state.values.extraClaimPhrases = { workspaceFolderValue: [{ phrase: 'agreed by all', rung: 'agreed' }], defaultValue: [] };
    const s = readSettings(undefined, false);
    expect(s.consultationLog).toBe('');
    expect(s.extraPhrases).toEqual([]);
  });

  it('phrases are validated: a phrase of at least three characters and a rung of the ladder', () => {
    const problems: string[] = [];
    const out = readPhrases([{ phrase: 'ok phrase', rung: 'agreed' }, { phrase: 'x', rung: 'agreed' }, { phrase: 'no rung' }, 'junk', null, { phrase: { toString: 1 }, rung: 'agreed' }], problems);
    expect(out).toEqual([{ phrase: 'ok phrase', rung: 'agreed' }]);
    expect(problems).toHaveLength(5);
    expect(readPhrases('not a list', [])).toEqual([]);
  });

  it('package.json declares limited support in untrusted workspaces and restricts both settings', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
    const u = pkg.capabilities.untrustedWorkspaces;
    expect(u.supported).toBe('limited');
    expect(u.restrictedConfigurations).toEqual(expect.arrayContaining(['counterpoint.consultationLog', 'counterpoint.extraClaimPhrases']));
    expect(u.description).toMatch(/not trusted|untrusted/i);
  });
});
