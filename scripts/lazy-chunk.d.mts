import type { BuildOptions, Plugin } from 'esbuild';

export const SHARED_PREFIX: string;
export function buildWithLazyChunk(
  main: BuildOptions,
  chunk: BuildOptions,
  registry: string,
  cwd?: string,
): Promise<{ shared: Map<string, string[]>; copied: string[] }>;
export function pureSourcesPlugin(dir: string): Plugin;
