import { gzipSync } from 'node:zlib';
import type { Profile } from './model.js';
import { encodePprof } from './pprof.js';

/** The on-disk form of every profile we write: gzipped pprof, as `go tool pprof` expects. */
export function encodePprofGzip(profile: Profile): Buffer {
  return gzipSync(encodePprof(profile), { level: 1 });
}
