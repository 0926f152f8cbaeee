/**
 * The supply chain a security team checks: every third-party action pinned by a full commit
 * SHA, least-privilege permissions (nothing at the top level beyond read), CodeQL on every
 * change, and release provenance attested only for a dist/ the workflow rebuilt and compared.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  steps: Step[];
  needs?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflows = Object.fromEntries(
  readdirSync('.github/workflows').map((f) => [f, parse(readFileSync(`.github/workflows/${f}`, 'utf8')) as Workflow])
);
const WRITE_SCOPES = ['contents', 'id-token', 'attestations', 'security-events', 'packages', 'actions', 'pull-requests'];

describe('workflows', () => {
  it.each(Object.keys(workflows))('%s pins every action by a full commit SHA, with the version in a comment', (file) => {
    const text = readFileSync(`.github/workflows/${file}`, 'utf8');
    for (const [, ref] of text.matchAll(/uses:\s*(\S+)/g)) {
      if (ref!.startsWith('./')) continue;
      expect(ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
    for (const line of text.split('\n').filter((l) => /^\s*-?\s*uses:\s+[^.\s]/.test(l))) expect(line).toMatch(/# v\d+\.\d+\.\d+$/);
  });

  it.each(Object.keys(workflows))('%s grants nothing but read at the top level; writes only in the job that needs them', (file) => {
    const top = workflows[file]!.permissions;
    expect(top).toBeDefined();
    for (const [scope, level] of Object.entries(top ?? {})) expect([scope, level]).toEqual([scope, 'read']);
  });

  it('CodeQL analyses JavaScript/TypeScript on push, pull request and a schedule, with security-events: write in that job only', () => {
    const codeql = workflows['codeql.yml']!;
    expect(Object.keys(codeql.on).sort()).toEqual(['pull_request', 'push', 'schedule']);
    const job = codeql.jobs.analyze!;
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(job.steps.map((s) => s.uses?.split('@')[0])).toEqual([
      'actions/checkout',
      'github/codeql-action/init',
      'github/codeql-action/analyze'
    ]);
    expect(job.steps[1]!.with?.languages).toBe('javascript-typescript');
  });

  it('release attests dist/ after rebuilding it and requiring it to equal the committed one; id-token and attestations only there', () => {
    const release = workflows['release.yml']!;
    const attest = release.jobs.attest!;
    expect(attest.permissions).toEqual({ contents: 'read', 'id-token': 'write', attestations: 'write' });
    const runs = attest.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/npm ci[\s\S]*npm run bundle[\s\S]*git diff --exit-code -- dist/);
    const last = attest.steps.at(-1)!;
    expect(last.uses?.split('@')[0]).toBe('actions/attest-build-provenance');
    expect(last.with?.['subject-path']).toBe('dist/**/*.js');
    expect(release.jobs.release!.needs).toBe('attest');
    for (const [name, job] of Object.entries(release.jobs).filter(([n]) => n !== 'attest')) {
      expect([name, job.permissions?.['id-token'], job.permissions?.attestations]).toEqual([name, undefined, undefined]);
    }
    for (const [file, wf] of Object.entries(workflows)) {
      for (const [name, job] of Object.entries(wf.jobs)) {
        const writes = Object.entries(job.permissions ?? {}).filter(([s, l]) => l === 'write' && WRITE_SCOPES.includes(s));
        if (file !== 'release.yml' && file !== 'codeql.yml') expect([file, name, writes]).toEqual([file, name, []]);
      }
    }
  });
});
