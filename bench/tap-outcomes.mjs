// Per-test outcomes from TAP, for bench/realworld.mjs (ava and node-tap projects).

/**
 * TAP on stdout (ava --tap, tap --reporter=tap), nested subtests included: node-tap indents a
 * subtest's lines by 4 spaces a level and opens it with `# Subtest: name`. Every `ok` line is a
 * result (node-tap's assertions too), named by the path of subtests around it; a directive
 * other than SKIP/TODO (`# time=12ms`) is dropped from the name.
 */
export function parseTap(text) {
  const tests = [];
  const open = [];
  for (const raw of text.split('\n')) {
    const indent = /^ */.exec(raw)[0].length;
    const depth = Math.floor(indent / 4);
    const line = raw.slice(indent);
    const sub = /^# Subtest: (.*)$/.exec(line);
    if (sub) {
      open.length = depth;
      open[depth] = sub[1];
      continue;
    }
    const m = /^(not ok|ok)\b(?: \d+)?(?: -)? ?(.*?)(?: # (SKIP|TODO|skip|todo)\b.*| # .*)?$/.exec(line);
    if (!m) continue;
    open.length = Math.min(open.length, depth + 1);
    const status = m[3] ? (/^skip$/i.test(m[3]) ? 'skipped' : 'todo') : m[1] === 'ok' ? 'passed' : 'failed';
    tests.push({ name: [...open.slice(0, depth), m[2]].join(' > '), status });
  }
  return tests;
}
