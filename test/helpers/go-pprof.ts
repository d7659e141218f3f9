/** go tool pprof (Debian golang-go) as the reference reader of our output. */
import { execFileSync } from 'node:child_process';

export function goPprofTop(file: string, extra: string[] = []): string {
  return execFileSync('go', ['tool', 'pprof', '-top', '-unit=ns', ...extra, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

/** The "of N total" figure of `go tool pprof -top -unit=ns`, in ns. */
export function goPprofTotalNs(file: string): number {
  const m = /of (\d+)ns total/.exec(goPprofTop(file));
  if (!m) throw new Error(`go tool pprof printed no total for ${file}`);
  return Number(m[1]);
}
