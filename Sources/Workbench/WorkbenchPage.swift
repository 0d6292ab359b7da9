/// The workbench's one page (served at `/`); its behaviour is `WorkbenchScript`. Everything is
/// local: no CDN, no web font, charts drawn as inline SVG. `{{SESSION_TOKEN}}` is replaced by the
/// server's session token when served.
enum WorkbenchPage {
    static let html = ##"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="ccsim-token" content="{{SESSION_TOKEN}}">
<title>ccsim workbench</title>
<style>
:root { --ink:#1d2330; --muted:#5d6677; --line:#d8dce4; --bg:#f5f6f8; --accent:#2463c9; --bad:#c0392b; --good:#1e8a4c; --base:#8a93a3; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--ink); background:var(--bg); }
header { display:flex; align-items:baseline; gap:16px; padding:10px 18px; background:#fff; border-bottom:1px solid var(--line); }
header h1 { font-size:17px; margin:0; }
header .where { color:var(--muted); font-size:12px; }
header .load { margin-left:auto; color:var(--muted); font-size:12px; }
.layout { display:grid; grid-template-columns:260px 1fr; min-height:calc(100vh - 46px); }
aside { background:#fff; border-right:1px solid var(--line); padding:12px; overflow:auto; }
aside h2 { font-size:12px; text-transform:uppercase; letter-spacing:.05em; color:var(--muted); margin:14px 0 6px; }
aside ul { list-style:none; margin:0; padding:0; }
aside li { padding:4px 6px; border-radius:4px; cursor:pointer; overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
aside li:hover { background:#eef2fa; }
aside li.current { background:#dde7fb; font-weight:600; }
.run-item { font-size:12px; cursor:default; white-space:normal; border-bottom:1px solid #f0f1f4; }
.run-item .name { font-weight:600; cursor:pointer; color:var(--accent); }
.run-item .meta { color:var(--muted); }
.run-item button { font-size:11px; padding:1px 5px; }
main { padding:14px 18px; overflow:auto; }
nav.tabs { display:flex; gap:4px; border-bottom:1px solid var(--line); margin-bottom:12px; }
nav.tabs button { border:1px solid transparent; border-bottom:none; background:none; padding:7px 14px; cursor:pointer; font-size:14px; border-radius:6px 6px 0 0; }
nav.tabs button.active { background:#fff; border-color:var(--line); font-weight:600; margin-bottom:-1px; }
section.tab { display:none; } section.tab.active { display:block; }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:12px 14px; margin-bottom:12px; }
.toolbar { display:flex; gap:8px; align-items:center; flex-wrap:wrap; margin-bottom:8px; }
.toolbar .file { font-weight:600; }
.toolbar .state { color:var(--muted); font-size:12px; }
button { font:inherit; padding:5px 12px; border:1px solid var(--line); border-radius:5px; background:#fff; cursor:pointer; }
button.primary { background:var(--accent); border-color:var(--accent); color:#fff; }
button:disabled { opacity:.5; cursor:default; }
input[type=number] { width:70px; font:inherit; padding:3px 5px; }
.editor { position:relative; display:grid; grid-template-columns:52px 1fr; border:1px solid var(--line); border-radius:6px; background:#fff; height:460px; overflow:hidden; font:13px/19px ui-monospace, "DejaVu Sans Mono", monospace; }
.gutter { background:#f3f4f7; color:#9aa1ad; text-align:right; padding:6px 8px 6px 0; overflow:hidden; white-space:pre; user-select:none; }
.gutter .bad { color:#fff; background:var(--bad); border-radius:3px; padding:0 3px; }
.code { position:relative; overflow:hidden; }
.code textarea, .code .backdrop { position:absolute; inset:0; margin:0; padding:6px 8px; border:0; font:inherit; white-space:pre; overflow:auto; tab-size:2; }
.code textarea { background:transparent; color:var(--ink); resize:none; outline:none; z-index:2; caret-color:var(--ink); }
.code .backdrop { color:transparent; z-index:1; pointer-events:none; overflow:hidden; }
.backdrop .line { min-height:19px; }
.backdrop .line.bad { background:#fde8e6; }
.backdrop .note { color:var(--bad); font-style:italic; margin-left:2.5em; }
#issues { margin:8px 0 0; padding:0; list-style:none; font:12px/1.5 ui-monospace, monospace; }
#issues li { color:var(--bad); cursor:pointer; }
#issues li.ok { color:var(--good); cursor:default; }
.progress { height:10px; background:#e6e9ef; border-radius:5px; overflow:hidden; width:260px; }
.progress > div { height:100%; width:0; background:var(--accent); transition:width .2s; }
iframe#report-frame { width:100%; height:900px; border:1px solid var(--line); border-radius:6px; background:#fff; }
.levers { display:grid; grid-template-columns:repeat(auto-fill, minmax(230px, 1fr)); gap:10px 18px; }
.lever label { display:flex; justify-content:space-between; font-size:13px; }
.lever label b { font-variant-numeric:tabular-nums; }
.lever input[type=range] { width:100%; }
.lever.off { opacity:.45; }
#whatif-summary { font-size:15px; margin:6px 0 10px; }
#whatif-summary .up { color:var(--good); font-weight:600; } #whatif-summary .down { color:var(--bad); font-weight:600; }
.legend { display:flex; gap:16px; font-size:12px; color:var(--muted); }
.legend span::before { content:""; display:inline-block; width:14px; height:3px; margin-right:5px; vertical-align:middle; background:var(--c); }
table { border-collapse:collapse; font-size:13px; }
th, td { padding:4px 10px; border-bottom:1px solid var(--line); text-align:left; }
td.num { text-align:right; font-variant-numeric:tabular-nums; }
.hint { color:var(--muted); font-size:12px; }
.error-box { color:var(--bad); }
</style>
</head>
<body>
<header><h1>ccsim workbench</h1><span class="where" id="workspace"></span><span class="load" id="load"></span></header>
<div class="layout">
<aside>
  <h2>Scenarios</h2>
  <ul id="file-list"></ul>
  <h2>Runs</h2>
  <ul id="run-list"></ul>
</aside>
<main>
  <nav class="tabs">
    <button data-tab="edit" class="active">Scenario</button>
    <button data-tab="whatif">What-if</button>
    <button data-tab="compare">Compare runs</button>
  </nav>
  <section class="tab active" id="tab-edit">
    <div class="card">
      <div class="toolbar">
        <span class="file" id="file-name">no scenario open</span>
        <span class="state" id="save-state"></span>
        <span style="flex:1"></span>
        <label>replications <input type="number" id="run-replications" min="1" max="1000"></label>
        <button id="save-button" disabled>Save</button>
        <button id="run-button" class="primary" disabled>Run</button>
      </div>
      <div class="editor"><div class="gutter" id="gutter">1</div>
        <div class="code"><div class="backdrop" id="backdrop"></div><textarea id="editor" spellcheck="false" wrap="off" disabled></textarea></div></div>
      <ul id="issues"></ul>
    </div>
    <div class="card" id="run-card" hidden>
      <div class="toolbar">
        <b id="run-title">Run</b>
        <div class="progress"><div id="run-bar"></div></div>
        <span class="state" id="run-progress"></span>
        <button id="cancel-button">Cancel</button>
        <a id="report-link" target="_blank" hidden>open in a new tab</a>
      </div>
      <iframe id="report-frame" title="run report" hidden></iframe>
    </div>
  </section>
  <section class="tab" id="tab-whatif">
    <div class="card">
      <div class="toolbar"><b>What-if</b> <span class="hint" id="whatif-file">open a valid scenario first</span>
        <span style="flex:1"></span>
        <label>channel <select id="whatif-channel"></select></label>
        <label>replications <input type="number" id="whatif-replications" min="1" max="1000"></label>
        <button id="whatif-reset">Reset</button></div>
      <p class="hint">Each change re-runs the scenario with the same seed as the base (common random numbers: the same customers),
        so the difference shown is the change's own effect; the band is its 95% confidence interval over the replications.</p>
      <div class="levers" id="levers"></div>
    </div>
    <div class="card">
      <div id="whatif-summary" class="hint">Move a lever to see the service level change.</div>
      <div class="legend"><span style="--c:#8a93a3">base</span><span style="--c:#2463c9">what-if</span><span style="--c:#c0392b">target</span></div>
      <div id="whatif-chart"></div>
      <div id="whatif-diff"></div>
    </div>
  </section>
  <section class="tab" id="tab-compare">
    <div class="card">
      <div class="toolbar"><b>Compare two saved runs</b>
        <label>A <select id="compare-a"></select></label><label>B <select id="compare-b"></select></label>
        <button id="compare-button" class="primary">Compare</button></div>
      <div id="compare-result" class="hint">Pick two finished runs.</div>
    </div>
  </section>
</main>
</div>
<script src="/app.js"></script>
</body>
</html>
"""##
}
