/**
 * Stacks as V8 named them in the class-validator calibration pools (jest -w 2, ts-jest;
 * /work/calruns/class-validator/neighbour/cpu), leaf first, for the code-load tests.
 */
import type { FunctionFrame } from '../../src/profile/model.js';

export const frame = (s: string): FunctionFrame => {
  const [, name, file, line] = /^(.*) (\S*):(\d+)$/.exec(s)!;
  return { name: name!, file: file!, line: Number(line) };
};

/** ts-jest building its language service (TypeScript parsing lib.d.ts) while jest computes a cache key: B-5 of the neighbour pool. */
export const TS_JEST_COMPILE = [
  'parseTrailingTagComments node_modules/typescript/lib/typescript.js:35302',
  'parseJSDocComment node_modules/typescript/lib/typescript.js:35002',
  'createSourceFile node_modules/typescript/lib/typescript.js:28437',
  'createProgram node_modules/typescript/lib/typescript.js:120444',
  'TsCompiler._createLanguageService node_modules/ts-jest/dist/legacy/compiler/ts-compiler.js:235',
  'exports.TsJestTransformer.TsJestTransformer.getCacheKey node_modules/ts-jest/dist/legacy/ts-jest-transformer.js:302',
  '_getCacheKey node_modules/@jest/transform/build/ScriptTransformer.js:215',
  'transformSource node_modules/@jest/transform/build/ScriptTransformer.js:521',
  'transformFile node_modules/jest-runtime/build/index.js:1460',
  '_execModule node_modules/jest-runtime/build/index.js:1364',
  'requireModule node_modules/jest-runtime/build/index.js:812',
  'jestAdapter node_modules/jest-circus/build/legacy-code-todo-rewrite/jestAdapter.js:16',
].map(frame);

/** The project's own function, called from a test (the calibration's injected target). */
export const PROJECT_CALL = [
  'performValidations src/validation/ValidationExecutor.ts:173',
  'execute src/validation/ValidationExecutor.ts:39',
  'coreValidate src/validation/Validator.ts:95',
  'validate src/validation/Validator.ts:27',
  'checkInvalidValues test/functional/validation-functions-and-decorators.spec.ts:222',
  'callAsyncCircusFn node_modules/jest-circus/build/utils.js:226',
  'processTicksAndRejections node:internal/process/task_queues:72',
].map(frame);

/** Node compiling typescript.js for ts-jest's importer. */
export const WRAP_SAFE = [
  'wrapSafe node:internal/modules/cjs/loader:1819',
  '(anonymous) node:internal/modules/cjs/loader:1880',
  'wrapModuleLoad node:internal/modules/cjs/loader:244',
  'require node:internal/modules/helpers:156',
  'requireModule node_modules/ts-jest/dist/utils/importer.js:220',
].map(frame);

/** @babel/types building its tables when jest-snapshot requires it, in each test file's module registry. */
export const DEPENDENCY_MODULE_BODY = [
  'defineType node_modules/@babel/types/lib/definitions/utils.js:214',
  '(anonymous) node_modules/@babel/types/lib/definitions/utils.js:201',
  '(anonymous) node:internal/modules/cjs/loader:1880',
  'require node:internal/modules/helpers:156',
  '(anonymous) node_modules/@babel/generator/lib/index.js:1',
  'requireInternalModule node_modules/jest-runtime/build/index.js:896',
  '_execModule node_modules/jest-runtime/build/index.js:1364',
].map(frame);
