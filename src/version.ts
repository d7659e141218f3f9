declare const __CIPROF_VERSION__: string | undefined;

/** Set by the build from package.json; '0.0.0-dev' when running from source (tests). */
export const VERSION: string = typeof __CIPROF_VERSION__ === 'string' ? __CIPROF_VERSION__ : '0.0.0-dev';
