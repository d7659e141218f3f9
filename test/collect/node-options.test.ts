import { describe, expect, it } from 'vitest';
import { withPreload } from '../../src/collect/node-options.js';

describe('withPreload', () => {
  it('appends to the user NODE_OPTIONS, never replaces them', () => {
    expect(withPreload('--max-old-space-size=4096', '/a/agent.cjs')).toBe('--max-old-space-size=4096 --require /a/agent.cjs');
    expect(withPreload(undefined, '/a/agent.cjs')).toBe('--require /a/agent.cjs');
  });
  it('quotes a path with spaces as node parses NODE_OPTIONS', () => {
    expect(withPreload('', '/my dir/agent.cjs')).toBe('--require "/my dir/agent.cjs"');
  });
  it('does not add itself twice (ciprof run inside ciprof run)', () => {
    const once = withPreload('', '/a/agent.cjs');
    expect(withPreload(once, '/a/agent.cjs')).toBe(once);
  });
});
