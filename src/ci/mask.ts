/**
 * Masks a secret in GitHub Actions logs: the runner reads the `::add-mask::` workflow
 * command from stdout (what @actions/core's setSecret prints). Kept here, without
 * @actions/core, so `ciprof run` does not load the Actions toolkit (and its HTTP client)
 * on every start. Elsewhere it prints nothing.
 */
export function maskSecret(secret: string, env: NodeJS.ProcessEnv = process.env): void {
  if (!secret || env.GITHUB_ACTIONS !== 'true') return;
  // Same escaping as @actions/core's command issuing: %, CR and LF.
  const escaped = secret.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::add-mask::${escaped}\n`);
}
