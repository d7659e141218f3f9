import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  writeJobSummary
} from "./chunk-TXLASEKR.js";
import {
  commentMarker
} from "./chunk-XDKVZJL5.js";
import {
  maskSecret,
  redact
} from "./chunk-6MZMPYYD.js";
import {
  getOctokit
} from "./chunk-IJ3PMYQX.js";

// src/publish/outcome.ts
function isPermissionStatus(status) {
  return status === 401 || status === 403 || status === 404;
}

// src/publish/sticky.ts
function sameAuthor(author, me) {
  if (!author) return false;
  if (author.id !== void 0 && me.id !== void 0) return author.id === me.id;
  return !!author.login && !!me.login && author.login.toLowerCase() === me.login.toLowerCase();
}
async function removeQuietly(api, id) {
  try {
    await api.remove(id);
    return true;
  } catch (err) {
    if (err.status === 404) return false;
    throw err;
  }
}
async function upsertSticky(api, marker, body) {
  const me = await api.whoAmI();
  const mine = (list) => list.filter((c) => (c.body ?? "").includes(marker) && sameAuthor(c.author, me)).sort((a, b) => a.id - b.id);
  const existing = mine(await api.list());
  let removed = 0;
  if (existing.length > 0) {
    const keep = existing[0];
    await api.update(keep.id, body);
    for (const dup of existing.slice(1)) if (await removeQuietly(api, dup.id)) removed++;
    return { action: "updated", id: keep.id, removed };
  }
  const created = await api.create(body);
  const after = mine(await api.list());
  const oldest = after[0];
  if (!oldest || oldest.id === created.id) {
    for (const dup of after.slice(1)) if (await removeQuietly(api, dup.id)) removed++;
    return { action: "created", id: created.id, removed };
  }
  await api.update(oldest.id, body);
  for (const dup of after.slice(1)) if (await removeQuietly(api, dup.id)) removed++;
  return { action: "updated", id: oldest.id, removed };
}

// src/publish/github-comment.ts
var GITHUB_ACTIONS_BOT = { login: "github-actions[bot]" };
async function tokenIdentity(octokit) {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { id: data.id, login: data.login };
  } catch (err) {
    if (err.status === 403) return GITHUB_ACTIONS_BOT;
    throw err;
  }
}
function commentApi(octokit, pr) {
  const where = { owner: pr.owner, repo: pr.repo };
  return {
    whoAmI: () => tokenIdentity(octokit),
    list: async () => (await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: pr.number, per_page: 100 })).map((c) => ({
      id: c.id,
      body: c.body ?? "",
      ...c.user ? { author: { id: c.user.id, login: c.user.login } } : {}
    })),
    create: async (body) => {
      const res = await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body });
      return { id: res.data.id, body: res.data.body ?? "" };
    },
    update: async (id, body) => {
      await octokit.rest.issues.updateComment({ ...where, comment_id: id, body });
    },
    remove: async (id) => {
      await octokit.rest.issues.deleteComment({ ...where, comment_id: id });
    }
  };
}
function parsePullRequestUrl(url) {
  const m = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/pull\/(\d+)\/?$/.exec(url?.trim() ?? "");
  return m ? { owner: m[1], repo: m[2], number: Number(m[3]) } : void 0;
}
async function publishGithubComment(opts) {
  const octokit = getOctokit(opts.token, opts.apiUrl ? { baseUrl: opts.apiUrl } : {});
  const where = `${opts.pr.owner}/${opts.pr.repo}#${opts.pr.number}`;
  try {
    if (opts.expectHeadSha) {
      const pr = await octokit.rest.pulls.get({ owner: opts.pr.owner, repo: opts.pr.repo, pull_number: opts.pr.number });
      if (pr.data.head.sha.toLowerCase() !== opts.expectHeadSha.toLowerCase()) {
        return {
          target: "github-comment",
          status: "skipped",
          message: `not commenting on ${where}: its head is ${pr.data.head.sha.slice(0, 12)}, the report is for ${opts.expectHeadSha.slice(0, 12)} (PR updated since, or the report names the wrong PR)`
        };
      }
    }
    const res = await upsertSticky(commentApi(octokit, opts.pr), opts.marker, opts.body);
    const dup = res.removed ? `, removed ${res.removed} duplicate(s)` : "";
    return { target: "github-comment", status: res.action, message: `${res.action} the ciprof comment on ${where}${dup}` };
  } catch (err) {
    const status = err.status;
    if (isPermissionStatus(status)) {
      return {
        target: "github-comment",
        status: "skipped",
        message: `not commenting on ${where}: the token may not write to this pull request (HTTP ${status}; a fork PR's token is read-only). The job summary has the report; see the README's fork-safe workflow_run setup.`
      };
    }
    return { target: "github-comment", status: "failed", message: `could not comment on ${where}: ${redact(err.message)}` };
  }
}

// src/publish/gitlab-note.ts
var GitlabHttpError = class extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  status;
};
function notesApi(opts) {
  const f = opts.fetchImpl ?? fetch;
  const api = opts.apiUrl.replace(/\/$/, "");
  const base = `${api}/projects/${encodeURIComponent(opts.projectId)}/merge_requests/${opts.mergeRequestIid}/notes`;
  const author = (u) => u ? { author: { id: u.id, login: u.username } } : {};
  const call = async (method, url, body) => {
    const res = await f(url, {
      method,
      headers: { "PRIVATE-TOKEN": opts.token, "content-type": "application/json", accept: "application/json" },
      body: body === void 0 ? void 0 : JSON.stringify(body)
    });
    if (!res.ok) throw new GitlabHttpError(res.status, `${method} ${new URL(url).pathname}: HTTP ${res.status}`);
    return res;
  };
  return {
    // Project and group access tokens have a bot user of their own; /user answers for them too.
    whoAmI: async () => {
      const me = await (await call("GET", `${api}/user`)).json();
      return { id: me.id, login: me.username };
    },
    list: async () => {
      const all = [];
      for (let page = 1; page > 0 && page <= 100; ) {
        const res = await call("GET", `${base}?per_page=100&page=${page}&sort=asc&order_by=created_at`);
        const rows = await res.json();
        for (const n of rows) if (!n.system) all.push({ id: n.id, body: n.body ?? "", ...author(n.author) });
        page = Number(res.headers.get("x-next-page") || 0);
      }
      return all;
    },
    create: async (body) => {
      const n = await (await call("POST", base, { body })).json();
      return { id: n.id, body: n.body ?? body };
    },
    update: async (id, body) => {
      await call("PUT", `${base}/${id}`, { body });
    },
    remove: async (id) => {
      await call("DELETE", `${base}/${id}`);
    }
  };
}
async function publishGitlabNote(opts) {
  const where = `merge request !${opts.mergeRequestIid}`;
  try {
    const res = await upsertSticky(notesApi(opts), opts.marker, opts.body);
    return { target: "gitlab-note", status: res.action, message: `${res.action} the ciprof note on ${where}` };
  } catch (err) {
    const status = err.status;
    if (isPermissionStatus(status)) {
      return { target: "gitlab-note", status: "skipped", message: `not commenting on ${where}: the token may not write notes (HTTP ${status})` };
    }
    return { target: "gitlab-note", status: "failed", message: `could not comment on ${where}: ${redact(err.message)}` };
  }
}

// src/publish/publish.ts
var nonEmpty = (v) => v && v.trim() ? v.trim() : void 0;
function githubToken(explicit, env) {
  return nonEmpty(explicit) ?? nonEmpty(env.CIPROF_GITHUB_TOKEN) ?? nonEmpty(env.GITHUB_TOKEN);
}
function githubTarget(opts, env) {
  const token = githubToken(opts.githubToken, env);
  const apiUrl = nonEmpty(env.GITHUB_API_URL);
  if (opts.ci.provider === "circleci") {
    const pr = parsePullRequestUrl(env.CIRCLE_PULL_REQUEST);
    if (!pr) return { why: "not a pull request build (CIRCLE_PULL_REQUEST is not set)" };
    if (opts.pr) pr.number = opts.pr;
    return { pr, token, apiUrl };
  }
  const [owner, repo] = (opts.ci.repository ?? "").split("/");
  const number = opts.pr ?? opts.ci.pr;
  if (!owner || !repo) return { why: "the repository is unknown (GITHUB_REPOSITORY is not set)" };
  if (!number) return { why: "not a pull request run: nothing to comment on" };
  return { pr: { owner, repo, number }, token, apiUrl };
}
async function publishReport(opts) {
  const env = opts.env ?? process.env;
  const out = [];
  const marker = commentMarker(opts.report.jobKey);
  if (opts.summary !== false && env.GITHUB_STEP_SUMMARY) {
    out.push(await writeJobSummary(opts.markdown.summary(), env));
  }
  if (opts.comment === false) return out;
  try {
    if (opts.ci.provider === "gitlab") {
      const token = nonEmpty(env.CIPROF_GITLAB_TOKEN) ?? nonEmpty(env.GITLAB_TOKEN);
      const apiUrl = nonEmpty(env.CI_API_V4_URL);
      const projectId = nonEmpty(env.CI_PROJECT_ID);
      const iid = opts.pr ?? opts.ci.pr;
      if (!apiUrl || !projectId || !iid) out.push({ target: "gitlab-note", status: "skipped", message: "not a merge request pipeline: nothing to comment on" });
      else if (!token) out.push({ target: "gitlab-note", status: "skipped", message: "no token: set CIPROF_GITLAB_TOKEN (a project access token with api scope) to comment" });
      else out.push(await publishGitlabNote({ apiUrl, projectId, mergeRequestIid: iid, token, marker, body: opts.markdown.comment }));
      return out;
    }
    if (opts.ci.provider === "github" || opts.ci.provider === "circleci" || opts.pr) {
      const t = githubTarget(opts, env);
      if (!t.pr) out.push({ target: "github-comment", status: "skipped", message: t.why ?? "no pull request" });
      else if (!t.token) out.push({ target: "github-comment", status: "skipped", message: "no token: set GITHUB_TOKEN (or the github-token input) to comment" });
      else {
        maskSecret(t.token, env);
        out.push(await publishGithubComment({ token: t.token, apiUrl: t.apiUrl, pr: t.pr, marker, body: opts.markdown.comment, expectHeadSha: opts.expectHeadSha }));
      }
    }
  } catch (err) {
    out.push({ target: opts.ci.provider === "gitlab" ? "gitlab-note" : "github-comment", status: "failed", message: `publishing failed: ${err.message}` });
  }
  return out;
}

export {
  githubToken,
  publishReport
};
