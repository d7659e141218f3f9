import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  plainLine
} from "./chunk-CCCDOF7G.js";
import {
  redact
} from "./chunk-6MZMPYYD.js";

// src/report-ui/fmt.ts
function fileLine(file, line) {
  return line > 0 ? `${file}:${line}` : file;
}
function ms(ns) {
  const v = ns / 1e6;
  if (Math.abs(v) >= 1e4) return `${(v / 1e3).toFixed(1)} s`;
  if (Math.abs(v) >= 1e3) return `${(v / 1e3).toFixed(2)} s`;
  return `${v.toFixed(Math.abs(v) >= 100 ? 0 : 1)} ms`;
}
function bytes(b) {
  const a = Math.abs(b);
  if (a >= 1024 ** 3) return `${(b / 1024 ** 3).toFixed(2)} GiB`;
  if (a >= 1024 ** 2) return `${(b / 1024 ** 2).toFixed(1)} MiB`;
  if (a >= 1024) return `${(b / 1024).toFixed(0)} KiB`;
  return `${Math.round(b)} B`;
}
function signedBytes(b) {
  return `${b > 0 ? "+" : b < 0 ? "\u2212" : "\xB1"}${bytes(Math.abs(b))}`;
}

// src/render/escape.ts
var HTML_ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}
var JOINER = "\u200D";
function defuseReferences(text) {
  return text.replace(/@/g, `@${JOINER}`).replace(/([#!~%$&^])(?=[\p{L}\p{N}_"])/gu, `$1${JOINER}`).replace(/:(?=[\p{L}_+/-])/gu, `:${JOINER}`).replace(/\b(www)\./gi, `$1${JOINER}.`).replace(/\b(GH)-(?=\d)/gi, `$1${JOINER}-`).replace(/\b[0-9a-f]{7,40}\b/gi, (id) => id.match(/.{1,6}/g).join(JOINER));
}
function escapeMarkdown(text) {
  const flat = redact(text).replace(/[\r\n\u2028\u2029]+/g, " ");
  const escaped = defuseReferences(flat).replace(/[\\`*_{}[\]()#+\-.!|~:=$^%/]/g, (c) => `\\${c}`);
  return escapeHtml(escaped);
}
function codeLine(text) {
  return redact(plainLine(text));
}
function terminalText(text) {
  return codeLine(text.replace(/\t/g, " "));
}
function fenceFor(body) {
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return "`".repeat(Math.max(3, longest + 1));
}
function safeUrl(url) {
  if (!url) return void 0;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return void 0;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
  parsed.username = "";
  parsed.password = "";
  return redact(parsed.toString()).replace(/[()\s<>"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
function encodePathSegments(path) {
  return path.split("/").map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}

export {
  fileLine,
  ms,
  bytes,
  signedBytes,
  escapeMarkdown,
  codeLine,
  terminalText,
  fenceFor,
  safeUrl,
  encodePathSegments
};
