/**
 * Workspace Trust, as the real VS Code behaves: in Restricted Mode it drops the workspace values of the settings
 * package.json lists under restrictedConfigurations, so `inspect()` shows no workspace value for them (seen in the
 * integration suite test/integration/untrusted/). To tell the user which workspace settings are ignored, the
 * extension reads the workspace's settings files. Here the vscode API is a stand-in holding those files.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = {
  trusted: false,
  files: new Map<string, string>(),
  folders: ['/ws'] as string[],
  workspaceFile: undefined as string | undefined,
  inspect: {} as Record<string, { workspaceValue?: unknown }>,
};

vi.mock('vscode', () => {
  const uri = (path: string) => ({ path, toString: () => `file://${path}` });
  return {
    Uri: { joinPath: (base: { path: string }, ...parts: string[]) => uri([base.path, ...parts].join('/')) },
    workspace: {
      get isTrusted() {
        return state.trusted;
      },
      get workspaceFolders() {
        return state.folders.map((f) => ({ uri: uri(f) }));
      },
      get workspaceFile() {
        return state.workspaceFile ? uri(state.workspaceFile) : undefined;
      },
      getConfiguration: () => ({ get: () => undefined, inspect: (key: string) => ({ key, ...(state.inspect[key] ?? {}) }) }),
      fs: {
        readFile: async (u: { path: string }) => {
          const text = state.files.get(u.path);
          if (text === undefined) throw new Error(`ENOENT ${u.path}`);
          return new TextEncoder().encode(text);
        },
      },
    },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  };
});

const { ignoredWorkspaceSettingsAsync } = await import('../../src/extension/settings');
const BOTH = ['counterpoint.consultationLog', 'counterpoint.extraClaimPhrases'];

beforeEach(() => {
  state.trusted = false;
  state.files = new Map();
  state.folders = ['/ws'];
  state.workspaceFile = undefined;
  state.inspect = {};
});

describe('restricted settings a workspace sets, read from its settings files', () => {
  it('names both when .vscode/settings.json sets them (comments and trailing commas allowed), in a fixed order', async () => {
    state.files.set('/ws/.vscode/settings.json', `{
      // the branch's own phrases
      "counterpoint.extraClaimPhrases": [{ "phrase": "waved through by", "rung": "agreed" },],
      /* the log */ "counterpoint.consultationLog" : "logs/meetings.md",
    }`);
    expect(await ignoredWorkspaceSettingsAsync()).toEqual(BOTH);
  });

  it('a key commented out, or only mentioned inside a value, is not a setting', async () => {
    state.files.set('/ws/.vscode/settings.json', `{
      // "counterpoint.consultationLog": "old.md",
      /* "counterpoint.extraClaimPhrases": [],
         still a comment */
      "editor.rulers": [80],
      "files.associations": { "x": "see \\"counterpoint.consultationLog\\": here" },
      "note": "// not a comment", "counterpoint.extraClaimPhrases": []
    }`);
    expect(await ignoredWorkspaceSettingsAsync()).toEqual(['counterpoint.extraClaimPhrases']);
  });

  it('nothing when no settings file exists, or the workspace sets neither', async () => {
    expect(await ignoredWorkspaceSettingsAsync()).toEqual([]);
    state.files.set('/ws/.vscode/settings.json', '{ "counterpoint.severity": { "unevidenced-claim": "error" } }');
    expect(await ignoredWorkspaceSettingsAsync()).toEqual([]);
  });

  it('a multi-root workspace: any folder, and the .code-workspace file', async () => {
    state.folders = ['/a', '/b'];
    state.files.set('/b/.vscode/settings.json', '{ "counterpoint.consultationLog": "log.md" }');
    expect(await ignoredWorkspaceSettingsAsync()).toEqual(['counterpoint.consultationLog']);
    state.workspaceFile = '/team.code-workspace';
    state.files.set('/team.code-workspace', '{ "folders": [], "settings": { "counterpoint.extraClaimPhrases": [] } }');
    expect(await ignoredWorkspaceSettingsAsync()).toEqual(BOTH);
  });

  it('also what inspect() reports (a host that keeps the workspace value)', async () => {
    state.inspect = { consultationLog: { workspaceValue: 'x.md' } };
    expect(await ignoredWorkspaceSettingsAsync()).toEqual(['counterpoint.consultationLog']);
  });

  it('nothing in a trusted workspace', async () => {
    state.trusted = true;
    state.files.set('/ws/.vscode/settings.json', '{ "counterpoint.consultationLog": "log.md" }');
    expect(await ignoredWorkspaceSettingsAsync()).toEqual([]);
  });

  it('a long settings file is read in linear time', async () => {
    const body = Array.from({ length: 20000 }, (_, i) => `  "x.k${i}": "a \\" // b /* c", // d\n  /* e */`).join('\n');
    state.files.set('/ws/.vscode/settings.json', `{\n${body}\n  "counterpoint.consultationLog": "l.md"\n}`);
    const t0 = performance.now();
    expect(await ignoredWorkspaceSettingsAsync()).toEqual(['counterpoint.consultationLog']);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
