/**
 * The call frames of every V8 profile read into one builder, interned from their bytes:
 * (url, name, line) -> a frame id, with the name and URL decoded and the path
 * normalized once per distinct string, not once per node of every file. The model's
 * function (builder.functionId) is made only for frames that carry samples.
 */
import { ByteInterner, TripleTable } from './hash-tables.js';
import { decodeJsonString } from './json-bytes.js';
import type { ProfileBuilder } from './model.js';
import { normalizeScriptPath } from './paths.js';

/** What a frame's code is, for folding ciprof's own work (see CpuProfileImporter). */
export const FrameKind = {
  /** The project's code (or anything we cannot place). */
  user: 0,
  /**
   * Code a ciprof wrapper forwards to, whose work happens with or without ciprof:
   * node_modules (the runner's own code), node:test (the runner built into Node) and
   * Node's module loaders (a wrapped require; the node:test hook loading node:test, which
   * the test file would load the next moment anyway: commander.js's 173 file processes
   * showed 6.9% of the suite's CPU as "(ciprof)", most of it that load).
   */
  library: 1,
  /** Node's other internals and V8's natives: what ciprof's own work calls (appendFileSync, writeSync). */
  node: 2,
  /** ciprof's agent and runner hooks. */
  own: 3,
  /** V8's synthetic (root): no frame of its own. */
  root: 4,
} as const;

export class V8FrameTable {
  private readonly urls = new ByteInterner();
  private readonly names = new ByteInterner();
  private readonly byKey = new TripleTable();
  private readonly urlFiles: string[] = [];
  private readonly urlKinds: number[] = [];
  private readonly nameTexts: string[] = [];
  private readonly frameName: number[] = [];
  private readonly frameUrl: number[] = [];
  private readonly frameLine: number[] = [];
  private readonly frameKinds: number[] = [];
  private readonly frameFids: number[] = [];
  private rootName = -1;

  constructor(
    private readonly repoRoot: string,
    private readonly isOwnScript: (url: string) => boolean = () => false,
  ) {}

  /** Id of a script URL given as a JSON string span; decoded, normalized and classified once. */
  url(buf: Uint8Array, start: number, end: number, hash: number, escaped: boolean): number {
    const id = this.urls.intern(buf, start, end, hash);
    if (id === this.urlFiles.length) {
      const text = decodeJsonString(buf, start, end, escaped);
      this.urlFiles.push(normalizeScriptPath(text, this.repoRoot));
      this.urlKinds.push(this.kindOfUrl(text));
    }
    return id;
  }

  /** Id of a function name given as a JSON string span. */
  name(buf: Uint8Array, start: number, end: number, hash: number, escaped: boolean): number {
    const id = this.names.intern(buf, start, end, hash);
    if (id === this.nameTexts.length) {
      const text = decodeJsonString(buf, start, end, escaped);
      if (text === '(root)') this.rootName = id;
      this.nameTexts.push(text || '(anonymous)');
    }
    return id;
  }

  /**
   * The frame of a call frame (lineNumber as V8 gives it: 0-based or -1), made when new.
   * Keyed as the model keys functions, by URL, name and line: one URL may hold many
   * scripts (vm's "evalmachine.<anonymous>"), so a position alone does not name a function.
   */
  frame(url: number, name: number, lineNumber: number): number {
    const line = lineNumber >= 0 ? lineNumber + 1 : 0;
    let frame = this.byKey.get(url, name, line);
    if (frame < 0) {
      frame = this.frameFids.length;
      this.frameName.push(name);
      this.frameUrl.push(url);
      this.frameLine.push(line);
      this.frameKinds.push(name === this.rootName && this.urlFiles[url] === '' ? FrameKind.root : this.urlKinds[url]!);
      this.frameFids.push(-1);
      this.byKey.add(url, name, line, frame);
    }
    return frame;
  }

  /** Frames interned so far (what a file's limit counts). */
  get size(): number {
    return this.frameFids.length;
  }

  kind(frame: number): number {
    return this.frameKinds[frame]!;
  }

  /** The builder's function for a frame, made on first use. */
  functionId(frame: number, builder: ProfileBuilder): number {
    let fid = this.frameFids[frame]!;
    if (fid < 0) {
      fid = builder.functionId(this.nameTexts[this.frameName[frame]!]!, this.urlFiles[this.frameUrl[frame]!]!, this.frameLine[frame]!);
      this.frameFids[frame] = fid;
    }
    return fid;
  }

  private kindOfUrl(url: string): number {
    if (url.startsWith('node:internal/modules/') || url === 'node:internal/bootstrap/realm' || url === 'node:test' || url.startsWith('node:internal/test_runner/')) return FrameKind.library;
    if (url === '' || url.startsWith('node:')) return FrameKind.node;
    if (this.isOwnScript(url)) return FrameKind.own;
    return /[\\/]node_modules[\\/]/.test(url) ? FrameKind.library : FrameKind.user;
  }
}
