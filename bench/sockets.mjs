// The kernel's TCP TIME_WAIT state, which decides how steady a socket-heavy suite's wall time
// is from one round to the next. Every closed connection of a suite (express: ~1,300 HTTP
// servers and clients a run) stays in TIME_WAIT for 60 s. On this machine, with the default
// 28,000 ephemeral ports and up to 131,072 TIME_WAIT buckets, a few interleaved rounds left
// ~15,000 of them, and the kernel's search for a free port then cost seconds of system time
// in some rounds and not others: express plain went 2.0 s, 4.9 s, 8.7 s, 3.9 s, 2.3 s (system
// time 0.4 to 6.4 s) in consecutive runs, and every ratio measured on it was noise. With
//   sysctl -w net.ipv4.tcp_max_tw_buckets=4096
// (closed connections beyond 4,096 skip TIME_WAIT) 14 consecutive runs stayed in 1.97-2.17 s.
// The benches print this state with their results and say when it will make them noisy.
import { readFileSync } from 'node:fs';

const read = (file) => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/** What the machine says now; fields are undefined where /proc does not have them (not Linux). */
export function socketState() {
  const tw = /^TCP:.*\btw (\d+)/m.exec(read('/proc/net/sockstat') ?? '')?.[1];
  const buckets = read('/proc/sys/net/ipv4/tcp_max_tw_buckets');
  const range = read('/proc/sys/net/ipv4/ip_local_port_range')?.split(/\s+/).map(Number);
  return {
    timeWait: tw === undefined ? undefined : Number(tw),
    maxTimeWait: buckets === undefined ? undefined : Number(buckets),
    ephemeralPorts: range && range.length === 2 ? range[1] - range[0] + 1 : undefined,
  };
}

/** Above this many TIME_WAIT buckets allowed, rounds of a socket-heavy suite swing by seconds here. */
const STEADY_MAX_TIME_WAIT = 8192;

/** One line for the bench's output: the state, and the advice when it makes socket-heavy rounds noisy. */
export function socketNote(state = socketState()) {
  if (state.maxTimeWait === undefined) return '';
  const now = `TCP TIME_WAIT: ${state.timeWait ?? '?'} now, at most ${state.maxTimeWait}, ${state.ephemeralPorts ?? '?'} ephemeral ports`;
  return state.maxTimeWait > STEADY_MAX_TIME_WAIT
    ? `${now}: socket-heavy suites (HTTP servers per test) will be noisy; sysctl -w net.ipv4.tcp_max_tw_buckets=4096 steadies them (bench/sockets.mjs)`
    : now;
}
