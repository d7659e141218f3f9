/**
 * Worker thread of mergeProfileFilesInParallel (merge-files.ts): takes files from the
 * shared list until none is left, imports them into its own builder, and posts what it
 * made. Built as dist/merge-worker.js beside the CLI.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { claimer, importShare, type FileClaims } from './merge-files.js';

const { files, repoRoot, claims, who } = workerData as { files: string[]; repoRoot: string; claims: FileClaims; who: number };
parentPort?.postMessage(importShare(files, repoRoot, claimer(claims, who)));
