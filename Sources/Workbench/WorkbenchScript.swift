/// The workbench page's script: the editor with live validation, runs with streamed progress,
/// the history, what-if levers with their overlay chart, and the comparison of two runs.
enum WorkbenchScript {
    static let javascript = ##"""
"use strict";
const token = document.querySelector('meta[name="ccsim-token"]').content;
const $ = (id) => document.getElementById(id);
const state = { file: null, yaml: "", savedYaml: "", check: null, runId: null, events: null, whatifTimer: null, whatifSeq: 0 };

async function api(method, url, body) {
  const options = { method, headers: {} };
  if (method !== "GET") options.headers["X-CCSim-Token"] = token;
  if (body !== undefined) { options.headers["Content-Type"] = "application/json"; options.body = JSON.stringify(body); }
  const response = await fetch(url, options);
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  return { status: response.status, ok: response.ok, data };
}
const pct = (x) => x == null ? "—" : (100 * x).toFixed(1) + "%";
const pts = (x) => x == null ? "—" : (x >= 0 ? "+" : "−") + Math.abs(100 * x).toFixed(1);
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

// Tabs
document.querySelectorAll("nav.tabs button").forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab)));
function showTab(name) {
  document.querySelectorAll("nav.tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
  document.querySelectorAll("section.tab").forEach((s) => s.classList.toggle("active", s.id === "tab-" + name));
  if (name === "compare") fillCompare();
}

// Scenario files
async function loadFiles() {
  const { data } = await api("GET", "/api/scenarios");
  for (const [id, files, note] of [["file-list", data.files, ""], ["sweep-list", data.sweeps || [], " (a sweep spec: run it with ccsim sweep run)"]]) {
    const list = $(id);
    list.innerHTML = "";
    for (const file of files) {
      const li = document.createElement("li");
      li.textContent = file; li.title = file + note; li.dataset.file = file;
      li.addEventListener("click", () => openFile(file));
      list.appendChild(li);
    }
  }
  if (data.files.length === 0) {
    // An empty workspace: say so, and how to fill it, instead of an empty list.
    const li = document.createElement("li");
    li.className = "hint empty"; li.textContent = "no .yaml files in this folder: copy a scenario in (the bundled ones are in scenarios/) and reload";
    $("file-list").appendChild(li);
  }
}
async function openFile(file) {
  if (state.yaml !== state.savedYaml && !confirm("Discard unsaved changes to " + state.file + "?")) return;
  const { ok, data } = await api("GET", "/api/scenario?path=" + encodeURIComponent(file));
  if (!ok) { alert(data.error); return; }
  state.file = file; state.yaml = data.yaml; state.savedYaml = data.yaml;
  document.querySelectorAll("#file-list li, #sweep-list li").forEach((li) => li.classList.toggle("current", li.dataset.file === file));
  $("file-name").textContent = file;
  $("editor").disabled = false; $("editor").value = data.yaml;
  $("run-card").hidden = true;
  renderEditor([]);
  validate();
  showTab("edit");
}

// Editor: gutter, backdrop with each problem at its line, debounced validation.
let validateTimer = null;
$("editor").addEventListener("input", () => {
  state.yaml = $("editor").value;
  $("save-state").textContent = state.yaml === state.savedYaml ? "" : "unsaved changes";
  renderEditor(state.check && !state.check.valid ? state.check.issues : []);
  clearTimeout(validateTimer);
  validateTimer = setTimeout(validate, 300);
});
$("editor").addEventListener("scroll", syncScroll);
function syncScroll() {
  $("backdrop").scrollTop = $("editor").scrollTop; $("backdrop").scrollLeft = $("editor").scrollLeft;
  $("gutter").scrollTop = $("editor").scrollTop;
}
function renderEditor(issues) {
  const lines = state.yaml.split("\n");
  const byLine = {};
  for (const issue of issues) { const n = issue.line || 1; (byLine[n] = byLine[n] || []).push(issue); }
  $("gutter").innerHTML = lines.map((_, i) => byLine[i + 1] ? '<span class="bad" title="' + esc(byLine[i + 1].map((x) => x.message).join("; ")) + '">' + (i + 1) + "</span>" : String(i + 1)).join("\n") + "\n\n";
  $("backdrop").innerHTML = lines.map((text, i) => {
    const found = byLine[i + 1];
    if (!found) return '<div class="line">' + esc(text) + "</div>";
    const note = found.map((x) => (x.path ? x.path + ": " : "") + x.message).join("; ");
    return '<div class="line bad" data-line="' + (i + 1) + '">' + esc(text) + '<span class="note">◀ ' + esc(note) + "</span></div>";
  }).join("") + '<div class="line"></div><div class="line"></div>';
  syncScroll();
}
// Form view: each field is a value's characters in the YAML text (line, column from the server);
// an edit replaces just those characters, so comments and every other field stay as written.
$("form-button").addEventListener("click", () => {
  $("form-panel").hidden = !$("form-panel").hidden;
  $("form-button").classList.toggle("primary", !$("form-panel").hidden);
  if (!$("form-panel").hidden) loadForm();
});
function lineOffset(text, line, column) {
  let offset = 0;
  for (let n = 1; n < line; n++) { const next = text.indexOf("\n", offset); if (next < 0) return -1; offset = next + 1; }
  return offset + column - 1;
}
async function loadForm() {
  const sent = state.yaml;
  const { ok, data } = await api("POST", "/api/form", { path: state.file, yaml: sent });
  if (!ok || sent !== state.yaml) return;
  state.form = data.fields;
  const panel = $("form-panel");
  if (document.activeElement && panel.contains(document.activeElement)) return;   // do not redraw under the user's cursor
  if (!data.fields.length) { panel.innerHTML = '<p class="hint">No form fields found in this text (the form shows agents, volume, handle time, patience and service-level targets).</p>'; return; }
  const groups = {};
  data.fields.forEach((f, i) => { (groups[f.group] = groups[f.group] || []).push([f, i]); });
  panel.innerHTML = Object.entries(groups).map(([g, items]) => '<div class="group"><h4>' + esc(g) + "</h4>" +
    items.map(([f, i]) => '<label title="' + esc(f.path) + " (line " + f.line + ')"><span>' + esc(f.label) + '</span><input data-field="' + i + '" value="' + esc(f.value) + '"></label>').join("") + "</div>").join("");
  panel.querySelectorAll("input").forEach((input) => input.addEventListener("change", () => editField(input)));
}
function editField(input) {
  const f = state.form[parseInt(input.dataset.field, 10)];
  const value = input.value.trim();
  const offset = lineOffset(state.yaml, f.line, f.column);
  if (!value || /[\n#:{}\[\],]/.test(value) || offset < 0 || state.yaml.substr(offset, f.value.length) !== f.value) { input.classList.add("bad"); return; }
  input.classList.remove("bad");
  const editor = $("editor");
  editor.value = state.yaml.slice(0, offset) + value + state.yaml.slice(offset + f.value.length);
  const delta = value.length - f.value.length;
  for (const g of state.form) if (g !== f && g.line === f.line && g.column > f.column) g.column += delta;
  f.value = value;
  editor.dispatchEvent(new Event("input"));
  input.blur();
}
async function validate() {
  if (!state.file) return;
  const sent = state.yaml;
  const { status, data } = await api("POST", "/api/validate", { path: state.file, yaml: sent });
  if (sent !== state.yaml) return;            // a newer edit is on its way
  if (status !== 200) { $("issues").innerHTML = '<li>' + esc(data ? data.error : "validation failed") + "</li>"; return; }
  state.check = data;
  renderEditor(data.valid ? [] : data.issues);
  const list = $("issues");
  list.innerHTML = "";
  if (data.valid) {
    const o = data.outline;
    list.innerHTML = '<li class="ok">✓ valid: ' + esc(o.name) + " — " + o.channels.length + " channel(s), " + o.teams.length + " team(s), " + o.replications + " replications, seed " + o.seed + "</li>";
    if (!$("run-replications").value || state.outlineFile !== state.file) $("run-replications").value = o.replications;
    setupWhatIf(o);
    setupJobs(true);
  } else {
    setupJobs(false);
    for (const issue of data.issues) {
      const li = document.createElement("li");
      li.textContent = issue.text;
      li.addEventListener("click", () => goToLine(issue.line || 1));
      list.appendChild(li);
    }
  }
  $("run-button").disabled = !data.valid;
  $("save-button").disabled = false;
  $("form-button").disabled = false;
  if (!$("form-panel").hidden) loadForm();
}
function goToLine(n) {
  const lines = state.yaml.split("\n");
  const offset = lines.slice(0, n - 1).reduce((a, l) => a + l.length + 1, 0);
  const editor = $("editor");
  editor.focus(); editor.setSelectionRange(offset, offset + (lines[n - 1] || "").length);
  editor.scrollTop = Math.max(0, (n - 5) * 19);
  syncScroll();
}
$("save-button").addEventListener("click", async () => {
  const { ok, data } = await api("PUT", "/api/scenario", { path: state.file, yaml: state.yaml });
  if (!ok) { $("save-state").textContent = "not saved: " + data.error; return; }
  state.savedYaml = state.yaml;
  $("save-state").textContent = data.valid ? "saved" : "saved (with problems)";
});

// Runs
$("run-button").addEventListener("click", async () => {
  const replications = parseInt($("run-replications").value, 10) || undefined;
  const { ok, data } = await api("POST", "/api/runs", { path: state.file, yaml: state.yaml, replications });
  if (!ok) { alert(data.error || (data.issues || []).map((x) => x.text).join("\n")); return; }
  watchRun(data);
  loadRuns();
});
// `label`: the id of a tab's status line ("started: progress below"), given its final word at the end.
function watchRun(run, label) {
  state.runId = run.id;
  if (state.events) state.events.close();
  $("run-card").hidden = false; $("report-frame").hidden = true; $("report-link").hidden = true;
  $("run-title").textContent = run.name; $("cancel-button").disabled = false;
  $("run-bar").style.width = "0"; $("run-progress").textContent = run.state;
  const events = new EventSource("/api/runs/" + run.id + "/events");
  state.events = events;
  events.addEventListener("progress", (e) => {
    const p = JSON.parse(e.data);
    $("run-bar").style.width = (100 * p.stepsDone / Math.max(1, p.total)).toFixed(1) + "%";
    const per = p.stepsPerUnit || 100;
    $("run-progress").textContent = p.state + " — " + (p.stepsDone / per).toFixed(per > 1 ? 1 : 0) + " of " + Math.round(p.total / per) + " " + (p.unit || "replications") + (p.message ? " · " + p.message : "");
  });
  events.addEventListener("end", (e) => {
    events.close();
    const record = JSON.parse(e.data);
    $("cancel-button").disabled = true;
    $("run-progress").textContent = record ? record.state + (record.seconds != null ? " in " + record.seconds.toFixed(1) + " s" : "") + (record.message ? ": " + record.message : "") : "ended";
    if (label) $(label).textContent = !record ? "ended" : record.state === "done" ? "done: results below" : record.state + (record.message ? ": " + record.message : "");
    if (record && record.state === "done") { $("run-bar").style.width = "100%"; showReport(record.id); }
    loadRuns();
  });
}
function showReport(id) {
  $("run-card").hidden = false;
  $("report-frame").src = "/runs/" + id + "/report"; $("report-frame").hidden = false;
  $("report-link").href = "/runs/" + id + "/report"; $("report-link").hidden = false;
}
$("cancel-button").addEventListener("click", () => { if (state.runId) api("POST", "/api/runs/" + state.runId + "/cancel"); });

async function loadRuns() {
  const { data } = await api("GET", "/api/runs");
  state.runs = data || [];
  const list = $("run-list");
  list.innerHTML = "";
  for (const run of state.runs) {
    const li = document.createElement("li");
    li.className = "run-item";
    let figure = "";
    if (run.headline) { const h = JSON.parse(run.headline); figure = h.map((c) => c.channel + " SL " + pct(c.serviceLevel)).join(", "); }
    li.innerHTML = '<div class="name"></div><div class="meta"></div><div class="meta"></div><button data-act="rename">rename</button> <button data-act="delete">delete</button>';
    li.children[0].textContent = run.name;
    if (run.kind && run.kind !== "run") li.children[0].insertAdjacentHTML("afterbegin", '<span class="kind">' + esc(run.kind) + "</span>");
    if (run.message && run.state === "done" && (run.kind || "run") !== "run") figure = run.message + (figure ? " · " + figure : "");
    li.children[1].textContent = run.file + " · " + run.createdAt.replace("T", " ").slice(0, 16) + " · " + run.state;
    li.children[2].textContent = figure;
    li.children[0].addEventListener("click", () => { if (run.state === "done") { $("run-title").textContent = run.name; $("run-progress").textContent = "saved run"; $("cancel-button").disabled = true; showReport(run.id); } else if (run.state === "running" || run.state === "queued") watchRun(run); });
    li.querySelector('[data-act="rename"]').addEventListener("click", async () => {
      const name = prompt("New name for this run", run.name);
      if (name) { const r = await api("PATCH", "/api/runs/" + run.id, { name }); if (!r.ok) alert(r.data.error); loadRuns(); }
    });
    li.querySelector('[data-act="delete"]').addEventListener("click", async () => {
      if (!confirm("Delete run '" + run.name + "' and its results?")) return;
      const r = await api("DELETE", "/api/runs/" + run.id); if (!r.ok) alert(r.data.error); loadRuns();
    });
    list.appendChild(li);
  }
  fillRequirements();
}

// What-if
const levers = [
  { key: "volumePercent", label: "Volume", min: -50, max: 50, step: 1, unit: "%" },
  { key: "handleTimePercent", label: "Handle time (AHT)", min: -50, max: 50, step: 1, unit: "%" },
  { key: "patiencePercent", label: "Patience", min: -50, max: 100, step: 5, unit: "%", needsPatience: true },
  { key: "shrinkagePoints", label: "Shrinkage", min: -20, max: 20, step: 1, unit: " pts" },
];
function setupWhatIf(outline) {
  const key = state.file + "|" + outline.teams.map((t) => t.name).join(",") + "|" + outline.channels.join(",");
  $("whatif-file").textContent = state.file + " (seed " + outline.seed + ")";
  if (state.whatifKey === key) return;
  state.whatifKey = key;
  $("whatif-replications").value = Math.min(outline.replications, 10);
  $("whatif-channel").innerHTML = outline.channels.map((c, i) => '<option value="' + i + '">' + esc(c) + "</option>").join("");
  const box = $("levers");
  box.innerHTML = "";
  const add = (id, label, min, max, step, unit, disabled, title) => {
    const div = document.createElement("div");
    div.className = "lever" + (disabled ? " off" : "");
    div.innerHTML = '<label for="' + id + '"><span>' + esc(label) + '</span><b id="' + id + '-value">0' + unit + "</b></label>" +
      '<input type="range" id="' + id + '" min="' + min + '" max="' + max + '" step="' + step + '" value="0"' + (disabled ? " disabled" : "") + ">";
    if (title) div.title = title;
    box.appendChild(div);
    const input = div.querySelector("input");
    input.addEventListener("input", () => { $(id + "-value").textContent = (input.value > 0 ? "+" : "") + input.value + unit; scheduleWhatIf(); });
  };
  for (const l of levers) add("whatif-" + l.key, l.label, l.min, l.max, l.step, l.unit, l.needsPatience && !outline.hasPatience, l.needsPatience && !outline.hasPatience ? "nobody abandons in this scenario" : "");
  outline.teams.forEach((t, i) => add("whatif-team-" + i, "Agents per shift: " + t.name + " (" + t.agents + ")", -Math.min(20, t.agents), 20, 1, "", false));
  state.whatifTeams = outline.teams.map((t) => t.name);
  $("whatif-chart").innerHTML = ""; $("whatif-diff").innerHTML = "";
  $("whatif-summary").textContent = "Move a lever to see the service level change.";
}
$("whatif-reset").addEventListener("click", () => { document.querySelectorAll("#levers input").forEach((i) => { i.value = 0; i.dispatchEvent(new Event("input")); }); });
$("whatif-channel").addEventListener("change", () => state.whatif && drawWhatIf(state.whatif));
$("whatif-replications").addEventListener("change", scheduleWhatIf);
function scheduleWhatIf() { clearTimeout(state.whatifTimer); state.whatifTimer = setTimeout(runWhatIf, 250); }
async function runWhatIf() {
  if (!state.file || !state.check || !state.check.valid) return;
  const changes = { agentsPerTeam: {} };
  for (const l of levers) changes[l.key] = parseFloat($("whatif-" + l.key).value) || 0;
  (state.whatifTeams || []).forEach((name, i) => { const v = parseInt($("whatif-team-" + i).value, 10) || 0; if (v) changes.agentsPerTeam[name] = v; });
  const seq = ++state.whatifSeq;
  $("whatif-summary").textContent = "simulating…";
  const replications = parseInt($("whatif-replications").value, 10) || undefined;
  const { ok, data } = await api("POST", "/api/whatif", { path: state.file, yaml: state.yaml, replications, changes });
  if (seq !== state.whatifSeq) return;
  if (!ok) { $("whatif-summary").innerHTML = '<span class="error-box">' + esc(data.error || (data.issues || []).map((x) => x.text).join("; ")) + "</span>"; return; }
  state.whatif = data;
  drawWhatIf(data);
}
// The figure shown: service level (higher is better), abandonment and ASA (lower is better).
const metrics = {
  sl: { label: "service level", whole: "whole", at: "comparison", higherIsBetter: true, fmt: pct, diff: (x) => pts(x) + " points" },
  abandonment: { label: "abandonment", whole: "wholeAbandonment", at: "abandonment", higherIsBetter: false, fmt: pct, diff: (x) => pts(x) + " points" },
  asa: { label: "average speed of answer", whole: "wholeASA", at: "asa", higherIsBetter: false, seconds: true,
         fmt: (x) => x == null ? "—" : x.toFixed(1) + " s", diff: (x) => x == null ? "—" : (x >= 0 ? "+" : "−") + Math.abs(x).toFixed(1) + " s" },
};
$("whatif-metric").addEventListener("change", () => state.whatif && drawWhatIf(state.whatif));
function drawWhatIf(answer) {
  const channel = answer.channels[parseInt($("whatif-channel").value, 10) || 0] || answer.channels[0];
  const m = metrics[$("whatif-metric").value] || metrics.sl;
  const w = channel[m.whole];
  const better = w.difference == null || w.difference === 0 ? "" : (w.difference > 0) === m.higherIsBetter ? "up" : "down";
  const ci = w.differenceLow == null ? "" : " (95% CI " + m.diff(w.differenceLow) + " to " + m.diff(w.differenceHigh) + ")";
  $("whatif-summary").innerHTML = esc(channel.name) + ": " + m.label + " " + m.fmt(w.base) + " → <b>" + m.fmt(w.changed) + '</b>, <span class="' + better + '">' + m.diff(w.difference) + "</span>" + ci +
    ' <span class="hint">· target ' + pct(channel.target) + " in " + channel.answerWithinSeconds + " s · " + answer.replications + " replications, seed " + answer.seed + " · answered in " + answer.seconds.toFixed(2) + " s" + (answer.baseFromCache ? " (base cached)" : "") + "</span>";
  $("legend-target").hidden = m !== metrics.sl;
  $("whatif-chart").innerHTML = lineChart(channel, m);
  $("whatif-diff").innerHTML = diffChart(channel, m);
}
function axisTicks(points, x) {
  const step = Math.max(1, Math.ceil(points.length / 12));
  let out = "";
  for (let i = 0; i < points.length; i += step) out += '<text x="' + x(i) + '" y="0" text-anchor="middle" font-size="10" fill="#5d6677">' + esc(points[i].label) + "</text>";
  return out;
}
function lineChart(channel, m) {
  const W = 960, H = 260, L = 46, R = 10, T = 10, B = 30, pts_ = channel.intervals;
  if (!pts_.length) return "";
  let top = 1;
  if (m.seconds) { top = 1; for (const p of pts_) for (const v of [p[m.at].base, p[m.at].changed]) if (v != null) top = Math.max(top, v * 1.1); }
  const x = (i) => L + (pts_.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (pts_.length - 1));
  const y = (v) => T + (1 - v / top) * (H - T - B);
  const path = (get) => { let d = "", pen = false; pts_.forEach((p, i) => { const v = get(p[m.at]); if (v == null) { pen = false; return; } d += (pen ? "L" : "M") + x(i).toFixed(1) + " " + y(v).toFixed(1); pen = true; }); return d; };
  let grid = "";
  for (const f of [0, 0.25, 0.5, 0.75, 1]) { const v = f * top; grid += '<line x1="' + L + '" x2="' + (W - R) + '" y1="' + y(v) + '" y2="' + y(v) + '" stroke="#e6e9ef"/><text x="' + (L - 6) + '" y="' + (y(v) + 4) + '" text-anchor="end" font-size="10" fill="#5d6677">' + (m.seconds ? v.toFixed(0) + " s" : (100 * v) + "%") + "</text>"; }
  return '<svg id="whatif-svg" viewBox="0 0 ' + W + " " + H + '" width="100%" role="img" aria-label="' + m.label + ' by interval, base and what-if">' + grid +
    (m.at === "comparison" ? '<line x1="' + L + '" x2="' + (W - R) + '" y1="' + y(channel.target) + '" y2="' + y(channel.target) + '" stroke="#c0392b" stroke-dasharray="5 4"/>' : "") +
    '<path d="' + path((c) => c.base) + '" fill="none" stroke="#8a93a3" stroke-width="2"/>' +
    '<path id="whatif-line" d="' + path((c) => c.changed) + '" fill="none" stroke="#2463c9" stroke-width="2.5"/>' +
    '<g transform="translate(0,' + (H - 10) + ')">' + axisTicks(pts_, x) + "</g></svg>";
}
function diffChart(channel, m) {
  const W = 960, H = 150, L = 46, R = 10, T = 18, B = 10, p = channel.intervals;
  if (!p.length) return "";
  let lo = m.seconds ? -1 : -0.05, hi = m.seconds ? 1 : 0.05;
  for (const q of p) { const c = q[m.at]; for (const v of [c.differenceLow, c.differenceHigh, c.difference]) if (v != null) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }
  const x = (i) => L + (i + 0.5) * (W - L - R) / p.length;
  const y = (v) => T + (hi - v) / (hi - lo) * (H - T - B);
  const bw = Math.max(1, (W - L - R) / p.length * 0.6);
  let bars = "";
  p.forEach((q, i) => {
    const c = q[m.at]; if (c.difference == null) return;
    const top = Math.min(y(0), y(c.difference)), h = Math.abs(y(0) - y(c.difference));
    const good = (c.difference >= 0) === m.higherIsBetter;
    bars += '<rect x="' + (x(i) - bw / 2).toFixed(1) + '" y="' + top.toFixed(1) + '" width="' + bw.toFixed(1) + '" height="' + Math.max(0.5, h).toFixed(1) + '" fill="' + (good ? "#1e8a4c" : "#c0392b") + '" opacity="0.75"><title>' + esc(q.label) + ": " + m.diff(c.difference) + (c.differenceLow != null ? " (CI " + m.diff(c.differenceLow) + " to " + m.diff(c.differenceHigh) + ")" : "") + "</title></rect>";
    if (c.differenceLow != null) bars += '<line x1="' + x(i).toFixed(1) + '" x2="' + x(i).toFixed(1) + '" y1="' + y(c.differenceLow).toFixed(1) + '" y2="' + y(c.differenceHigh).toFixed(1) + '" stroke="#1d2330" stroke-width="1"/>';
  });
  const short = m.seconds ? (v) => v.toFixed(0) + " s" : pts;
  return '<svg id="whatif-diff-svg" viewBox="0 0 ' + W + " " + H + '" width="100%" role="img" aria-label="difference in ' + m.label + ' with 95% CI">' +
    '<text x="' + L + '" y="12" font-size="11" fill="#5d6677">difference in ' + m.label + " (what-if − base)" + (m.seconds ? ", seconds" : ", points") + ", with 95% CI per interval</text>" +
    '<text x="' + (L - 6) + '" y="' + (y(hi) + 4) + '" text-anchor="end" font-size="10" fill="#5d6677">' + short(hi) + '</text><text x="' + (L - 6) + '" y="' + (y(lo) + 4) + '" text-anchor="end" font-size="10" fill="#5d6677">' + short(lo) + "</text>" +
    '<line x1="' + L + '" x2="' + (W - R) + '" y1="' + y(0) + '" y2="' + y(0) + '" stroke="#8a93a3"/>' + bars + "</svg>";
}


// Training ROI and staffing: jobs kept in the history like runs, watched with the same progress card.
function setupJobs(valid) {
  for (const id of ["roi-button", "staff-button", "schedule-button"]) $(id).disabled = !valid;
  const label = state.file ? state.file + (valid ? "" : " (has problems: fix it in the editor)") : "open a valid scenario first";
  $("roi-file").textContent = label; $("staff-file").textContent = label;
  if (valid && state.roiFile !== state.file + "|" + state.yaml.length) { state.roiFile = state.file + "|" + state.yaml.length; loadPrograms(); }
  fillRequirements();
}
async function loadPrograms() {
  const { ok, data } = await api("POST", "/api/roi/programs", { path: state.file, yaml: state.yaml });
  state.programs = ok ? data.programs : [];
  const keep = $("roi-program").value;
  $("roi-program").innerHTML = state.programs.map((p, i) => '<option value="' + i + '">' + esc(p.name) + "</option>").join("") + '<option value="new">a new program…</option>';
  const index = state.programs.findIndex((p) => p.name === keep);
  $("roi-program").value = index >= 0 ? String(index) : (state.programs.length ? "0" : "new");
  fillProgram();
}
const roiRanges = [["handleTime", "aht"], ["fcr", "fcr"], ["attrition", "attr"]];
function fillProgram() {
  const choice = $("roi-program").value;
  const p = choice === "new" ? { name: "new-program", participants: "new_hires", offPhoneHours: 16, spreadWeeks: 1, costPerAgent: 1000, handleTime: { min: -15, mode: -10, max: 0 } } : state.programs[parseInt(choice, 10)];
  const set = (id, v) => { $(id).value = v == null ? "" : v; };
  set("roi-name", p.name); set("roi-participants", p.participants); set("roi-hours", p.offPhoneHours); set("roi-spread", p.spreadWeeks);
  set("roi-cost", p.costPerAgent); set("roi-fixed", p.fixedCost); set("roi-halflife", p.halfLifeWeeks);
  for (const [key, id] of roiRanges) { const r = p[key]; set("roi-" + id + "-min", r ? r.min : null); set("roi-" + id + "-mode", r && r.mode != null && r.min !== r.max ? r.mode : null); set("roi-" + id + "-max", r ? r.max : null); }
  $("roi-issues").innerHTML = "";
}
$("roi-program").addEventListener("change", fillProgram);
function readProgram() {
  const num = (id) => { const v = $(id).value.trim(); return v === "" ? null : parseFloat(v); };
  const program = { name: $("roi-name").value.trim(), participants: $("roi-participants").value.trim() || "new_hires",
    offPhoneHours: num("roi-hours"), spreadWeeks: num("roi-spread"), costPerAgent: num("roi-cost"), fixedCost: num("roi-fixed"), halfLifeWeeks: num("roi-halflife") };
  for (const [key, id] of roiRanges) {
    const lo = num("roi-" + id + "-min"), mode = num("roi-" + id + "-mode"), hi = num("roi-" + id + "-max");
    if (lo == null && hi == null && mode == null) continue;
    const a = lo != null ? lo : (mode != null ? mode : hi), b = hi != null ? hi : (mode != null ? mode : lo);
    program[key] = { min: a, max: b }; if (mode != null && !(a === b && mode === a)) program[key].mode = mode;
  }
  for (const k of Object.keys(program)) if (program[k] == null) delete program[k];
  return program;
}
function showJobError(listId, data) {
  const issues = data && data.issues ? data.issues.map((x) => (x.path ? x.path + ": " : "") + x.message) : [data && data.error ? data.error : "failed"];
  $(listId).innerHTML = issues.map((t) => "<li>" + esc(t) + "</li>").join("");
}
$("roi-button").addEventListener("click", async () => {
  $("roi-issues").innerHTML = "";
  const body = { path: state.file, yaml: state.yaml, program: readProgram(),
    replications: parseInt($("roi-replications").value, 10) || undefined, sensitivityReplications: parseInt($("roi-sensitivity").value, 10) };
  if (isNaN(body.sensitivityReplications)) delete body.sensitivityReplications;
  const { ok, data } = await api("POST", "/api/roi", body);
  if (!ok) { showJobError("roi-issues", data); return; }
  $("roi-state").textContent = "started: progress below";
  watchRun(data, "roi-state"); loadRuns();
});
function fillRequirements() {
  const staffed = (state.runs || []).filter((r) => r.kind === "staff" && r.state === "done" && r.file === state.file);
  const keep = $("schedule-requirement").value;
  $("schedule-requirement").innerHTML = '<option value="">find one first (staffing search)</option>' + staffed.map((r) => '<option value="' + r.id + '">' + esc(r.name) + "</option>").join("");
  if (keep && staffed.some((r) => r.id === keep)) $("schedule-requirement").value = keep;
}
async function startStaffing(kind) {
  $("staff-state").textContent = "";
  const body = { path: state.file, yaml: state.yaml, replications: parseInt($("staff-replications").value, 10) || undefined,
    maxIterations: parseInt($("staff-iterations").value, 10) || undefined };
  if (kind === "schedule" && $("schedule-requirement").value) body.requirementRun = $("schedule-requirement").value;
  const { ok, data } = await api("POST", "/api/" + kind, body);
  if (!ok) { $("staff-state").innerHTML = '<span class="error-box">' + esc(data.error || (data.issues || []).map((x) => x.text).join("; ")) + "</span>"; return; }
  $("staff-state").textContent = "started: progress below";
  watchRun(data, "staff-state"); loadRuns();
}
$("staff-button").addEventListener("click", () => startStaffing("staff"));
$("schedule-button").addEventListener("click", () => startStaffing("schedule"));

// Compare
function fillCompare() {
  const done = (state.runs || []).filter((r) => r.state === "done" && (r.kind || "run") === "run");
  const options = done.map((r) => '<option value="' + r.id + '">' + esc(r.name) + " (" + esc(r.file) + ", seed " + r.seed + ")</option>").join("");
  for (const id of ["compare-a", "compare-b"]) { const keep = $(id).value; $(id).innerHTML = options; if (keep) $(id).value = keep; }
  if (done.length > 1 && $("compare-a").value === $("compare-b").value) $("compare-b").selectedIndex = 1;
}
$("compare-button").addEventListener("click", async () => {
  const a = $("compare-a").value, b = $("compare-b").value;
  if (!a || !b) return;
  const { ok, data } = await api("GET", "/api/compare?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b));
  if (!ok) { $("compare-result").textContent = data.error; return; }
  const fmt = (m, v) => v == null ? "—" : m === "asa" ? v.toFixed(1) + " s" : pct(v);
  const fmtD = (m, v) => v == null ? "—" : m === "asa" ? (v >= 0 ? "+" : "−") + Math.abs(v).toFixed(1) + " s" : pts(v) + " pts";
  let html = "<h3>Inputs that differ</h3>";
  html += data.inputs.length ? "<table><tr><th>field</th><th>A</th><th>B</th></tr>" + data.inputs.map((d) => "<tr><td><code>" + esc(d.path) + "</code></td><td>" + esc(d.a ?? "—") + "</td><td>" + esc(d.b ?? "—") + "</td></tr>").join("") + "</table>" : "<p>none: same scenario text.</p>";
  html += "<h3>Figures (B − A)</h3><p class=\"hint\">" + (data.paired ? "Same seed: replication by replication paired differences (common random numbers)." : "Different seeds: independent samples (Welch interval).") + "</p>";
  html += "<table><tr><th>channel</th><th>metric</th><th>A</th><th>B</th><th>B − A</th><th>95% CI</th></tr>" + data.metrics.map((m) => "<tr><td>" + esc(m.channel) + "</td><td>" + esc(m.label) + '</td><td class="num">' + fmt(m.metric, m.a) + '</td><td class="num">' + fmt(m.metric, m.b) + '</td><td class="num">' + fmtD(m.metric, m.difference) + '</td><td class="num">' + (m.low == null ? "—" : fmtD(m.metric, m.low) + " to " + fmtD(m.metric, m.high)) + "</td></tr>").join("") + "</table>";
  $("compare-result").innerHTML = html;
  $("compare-result").classList.remove("hint");
});

// Status
async function loadStatus() {
  const { data } = await api("GET", "/api/status");
  if (!data) return;
  $("workspace").textContent = data.workspace;
  $("load").textContent = data.running + " of " + data.slots + " simulation slots busy" + (data.queued ? ", " + data.queued + " queued" : "");
}
loadFiles(); loadRuns(); loadStatus(); setInterval(loadStatus, 3000);
const wanted = new URLSearchParams(location.search).get("file");
if (wanted) openFile(wanted);
"""##
}
