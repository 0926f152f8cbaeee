#!/usr/bin/env node
// ncc's --minify covers the entry file but not the chunks its dynamic imports
// produce (the Octokit path). Minify those too, deterministically.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2] ?? 'dist';
for (const file of readdirSync(dir).filter((f) => /^\d+\.index\.js$/.test(f))) {
  const path = join(dir, file);
  const { code } = await minify(readFileSync(path, 'utf8'), { module: true, compress: true, mangle: true, format: { comments: false } });
  if (code === undefined) throw new Error(`terser produced nothing for ${path}`);
  writeFileSync(path, code);
}
