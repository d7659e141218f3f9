/**
 * Real V8 profiles of transformed code, made in this process: the fixture is transformed
 * by esbuild as tsx/vite do (CommonJS, inline map, keepNames), evaluated by `vm` under its
 * .ts file name as jest and vitest do, and its hot functions run under the CPU profiler.
 */
import { transformSync } from 'esbuild';
import { Session } from 'node:inspector';
import { runInThisContext } from 'node:vm';
import type { V8CpuProfile } from '../../src/profile/cpuprofile.js';
import { GEOMETRY, geometrySource } from './transforms.js';

interface Geometry {
  tsHotDistance(iterations: number): number;
  tsHotArrow(iterations: number): number;
  Polygon: new (points: { x: number; y: number }[]) => { tsHotPerimeter(iterations: number): number };
}

function post<T>(session: Session, method: string, params: object = {}): T {
  let out: T | undefined;
  let failure: Error | null = null;
  session.post(method, params, (err, result) => {
    failure = err;
    out = result as T;
  });
  if (failure) throw failure;
  return out!;
}

/** Evaluates the transformed fixture (a new script each call) and profiles its three hot functions. */
export function profileTransformedGeometry(session: Session, filename = GEOMETRY): V8CpuProfile {
  const { code } = transformSync(geometrySource(), { loader: 'ts', format: 'cjs', sourcemap: 'inline', sourcefile: filename, keepNames: true });
  // A module wrapper on the first line, as jest and Node's loader put it.
  const factory = runInThisContext(`(function (exports, module) {${code}\n})`, { filename }) as (e: object, m: object) => void;
  const module = { exports: {} as Geometry };
  factory(module.exports, module);
  const lib = module.exports;
  post(session, 'Profiler.enable');
  post(session, 'Profiler.setSamplingInterval', { interval: 50 });
  post(session, 'Profiler.start');
  for (let round = 0; round < 3; round++) {
    lib.tsHotDistance(3e5);
    lib.tsHotArrow(3e5);
    new lib.Polygon([{ x: 0, y: 0 }]).tsHotPerimeter(3e5);
  }
  return post<{ profile: V8CpuProfile }>(session, 'Profiler.stop').profile;
}

/**
 * These tests run inside a vitest worker, where the agent reads vitest's module graph
 * instead of asking V8: the Debugger path is exercised with that state out of sight.
 */
export function outsideVitest<T>(fn: () => T): T {
  const g = globalThis as typeof globalThis & { __vitest_worker__?: unknown };
  const state = g.__vitest_worker__;
  delete g.__vitest_worker__;
  try {
    return fn();
  } finally {
    g.__vitest_worker__ = state;
  }
}
