/**
 * Code loading (a runner's transform, the module loader) is recognised by the stack, with
 * frames as V8 named them in the class-validator calibration pools (jest -w 2, ts-jest),
 * express's mocha suite and ufo's vitest suite.
 */
import { describe, expect, it } from 'vitest';
import { codeLoadClassOf, codeLoadSelf, isProjectFrame, isTransformerFrame } from '../../src/profile/code-load.js';
import { decodePprof } from '../../src/profile/pprof-decode.js';
import { encodePprof } from '../../src/profile/pprof.js';
import { functionKey, ProfileBuilder, type FunctionFrame } from '../../src/profile/model.js';
import { DEPENDENCY_MODULE_BODY, frame, PROJECT_CALL, TS_JEST_COMPILE, WRAP_SAFE } from './code-load-frames.js';

function profileOf(stacks: { frames: FunctionFrame[]; samples: number }[]) {
  const b = new ProfileBuilder();
  for (const s of stacks) b.addSample(s.frames.map((f) => b.functionId(f.name, f.file, f.line)), [s.samples, s.samples * 1_000_000]);
  // Through pprof and back, as the diff reads stored profiles.
  return decodePprof(encodePprof(b.build()));
}

const classOf = (frames: FunctionFrame[]) => codeLoadClassOf(codeLoadSelf(profileOf([{ frames, samples: 10 }])).get(functionKey(frames[0]!)));

describe('code-load classes', () => {
  it('TypeScript compiling for jest (ts-jest under ScriptTransformer) is transform work', () => {
    expect(classOf(TS_JEST_COMPILE)).toBe('transform');
  });

  it("Node's loader compiling a module, and a dependency's module body run by a loader, are module loading", () => {
    expect(classOf(WRAP_SAFE)).toBe('module-load');
    expect(classOf(DEPENDENCY_MODULE_BODY)).toBe('module-load');
    // ESM: vitest's (ufo) test files reach V8's compile through Node's ESM loader.
    expect(classOf(['compileSourceTextModule node:internal/modules/esm/utils:338', 'moduleStrategy node:internal/modules/esm/translators:98'].map(frame))).toBe('module-load');
  });

  it("the project's own code is never code loading, even at a module's top level or inside a transformer", () => {
    expect(classOf(PROJECT_CALL)).toBeUndefined();
    // A test file's top level (decorators run at load) calling a dependency: the project's work.
    expect(classOf(['defineMetadata node_modules/reflect-metadata/Reflect.js:101', 'IsString src/decorator/typechecker/IsString.ts:30', '(anonymous) test/functional/whitelist.spec.ts:1', '_execModule node_modules/jest-runtime/build/index.js:1364'].map(frame))).toBeUndefined();
    // A project's own jest transformer calling babel.
    expect(classOf(['parseExpression node_modules/@babel/parser/lib/index.js:14000', 'process jest/my-transformer.js:12', 'transformSource node_modules/@jest/transform/build/ScriptTransformer.js:521'].map(frame))).toBeUndefined();
  });

  it('TypeScript that the tests call themselves is test work, not a transform', () => {
    expect(classOf(['parseTrailingTagComments node_modules/typescript/lib/typescript.js:35302', 'createSourceFile node_modules/typescript/lib/typescript.js:28437', 'lintFile src/lint.ts:40', 'callFnAsync node_modules/mocha/lib/runnable.js:393'].map(frame))).toBeUndefined();
  });

  it("a function the tests also use in earnest stays CPU unless most of its samples are loading code", () => {
    const mixed = profileOf([
      { frames: TS_JEST_COMPILE, samples: 30 },
      { frames: [TS_JEST_COMPILE[0]!, ...PROJECT_CALL.slice(1)], samples: 20 },
    ]);
    const key = functionKey(TS_JEST_COMPILE[0]!);
    expect(codeLoadClassOf(codeLoadSelf(mixed).get(key))).toBeUndefined();
    const mostly = profileOf([
      { frames: TS_JEST_COMPILE, samples: 90 },
      { frames: [TS_JEST_COMPILE[0]!, ...PROJECT_CALL.slice(1)], samples: 10 },
    ]);
    expect(codeLoadClassOf(codeLoadSelf(mostly).get(key))).toBe('transform');
  });

  it('knows transformer frames by file, and vite transforms by name', () => {
    expect(isTransformerFrame({ name: 'transformSource', file: 'node_modules/@jest/transform/build/ScriptTransformer.js' })).toBe(true);
    expect(isTransformerFrame({ name: 'register', file: 'node_modules/ts-node/dist/index.js' })).toBe(true);
    expect(isTransformerFrame({ name: 'loadAndTransform', file: 'node_modules/vite/dist/node/chunks/dep-D4NMHUTW.js' })).toBe(true);
    expect(isTransformerFrame({ name: 'createServer', file: 'node_modules/vite/dist/node/chunks/dep-D4NMHUTW.js' })).toBe(false);
    expect(isTransformerFrame({ name: 'createSourceFile', file: 'node_modules/typescript/lib/typescript.js' })).toBe(false);
    expect(isProjectFrame({ file: 'src/validation/ValidationExecutor.ts' })).toBe(true);
    expect(isProjectFrame({ file: 'packages/a/node_modules/b/index.js' })).toBe(false);
    expect(isProjectFrame({ file: '' })).toBe(false);
  });
});
