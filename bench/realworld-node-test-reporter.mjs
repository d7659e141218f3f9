// node --test reporter for bench/realworld.mjs: one JSON line per test with its file and
// the names of its enclosing suites, so outcomes can be compared per test name. The
// built-in junit reporter has no file attribute on Node 22 and repeats bare names.
// Reporters run in the orchestrating `node --test` process only, so the suite's own
// processes are the same with or without it; plain and wrapped runs use it alike.
export default async function* realworldReporter(source) {
  const stacks = new Map();
  for await (const event of source) {
    const d = event.data ?? {};
    const stack = stacks.get(d.file) ?? [];
    stacks.set(d.file, stack);
    if (event.type === 'test:start') {
      stack.length = d.nesting;
      stack.push(d.name);
    } else if (event.type === 'test:pass' || event.type === 'test:fail') {
      const isSuite = d.details?.type === 'suite';
      if (isSuite && event.type === 'test:pass') continue;
      const path = [...stack.slice(0, d.nesting), d.name];
      const status = event.type === 'test:fail' ? 'failed' : d.todo !== undefined && d.todo !== false ? 'todo' : d.skip !== undefined && d.skip !== false ? 'skipped' : 'passed';
      yield `${JSON.stringify({ file: d.file ?? '', path, status, suite: isSuite })}\n`;
    }
  }
}
