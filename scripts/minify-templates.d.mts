import type { Plugin } from 'esbuild';

export function minifyTagged(source: string, file?: string): Promise<string>;
export const minifyTemplatesPlugin: Plugin;
