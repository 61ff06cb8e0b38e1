import type { Plugin } from 'esbuild';

export function encodeEntities(table?: Record<string, string>): { names: string; values: string };
export function decodeEntities(names: string, values: string): Record<string, string>;
export function compactDecoderSource(table?: Record<string, string>): string;
export const compactEntitiesPlugin: Plugin;
