/** How a command line is recorded: secrets out, everything else exactly as typed. */
import { describe, expect, it } from 'vitest';
import { redactCommand, redactText } from '../../src/collect/redact.js';

describe('redactText (a shell line or one argv word)', () => {
  it.each([
    ['API_KEY=abc123 npm test', 'API_KEY=*** npm test'],
    ['PGPASSWORD="two words" DB_TOKEN=\'x y\' npm test', 'PGPASSWORD=*** DB_TOKEN=*** npm test'],
    ['npm test -- --token=abc --client-secret s3cr3t --auth-file ./f', 'npm test -- --token=*** --client-secret *** --auth-file ***'],
    ['node t.js https://user:pa55@host.example/x', 'node t.js https://***@host.example/x'],
    ['curl -H "Authorization: Bearer abc.def" https://h/?access_token=zz', 'curl -H "Authorization: ***" https://h/?access_token=***'],
    ['GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789 npm test', 'GH=*** npm test'],
    ['cd app && SECRET=1 jest; echo done', 'cd app && SECRET=*** jest; echo done'],
  ])('%s', (line, recorded) => {
    expect(redactText(line)).toBe(recorded);
  });

  it.each([
    'node --test test/a.test.js test/b.test.js',
    'NODE_ENV=test FORCE_COLOR=0 npx mocha --require ./hooks.cjs --parallel',
    'vitest run --pool=forks --reporter=dot',
    'jest --testNamePattern "auth flow" --max-workers=2',
  ])('leaves %s as typed', (line) => {
    expect(redactText(line)).toBe(line);
  });
});

describe('redactCommand (an argv)', () => {
  it('catches an option and its value in two words, and keeps the rest', () => {
    expect(redactCommand(['node', 'cli.js', '--password', 'hunter22', '--verbose', '--api-key=k1', 'in.txt'])).toEqual(['node', 'cli.js', '--password', '***', '--verbose', '--api-key=***', 'in.txt']);
  });

  it('does not take an option for a value', () => {
    expect(redactCommand(['tool', '--token', '--dry-run'])).toEqual(['tool', '--token', '--dry-run']);
  });
});
