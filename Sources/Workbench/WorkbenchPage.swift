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
aside li.empty { white-space:normal; cursor:default; background:none; }
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
.form-grid { display:grid; grid-template-columns:repeat(auto-fill, minmax(220px, 1fr)); gap:8px 16px; }
.form-grid label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); }
.form-grid input { font:inherit; padding:3px 5px; width:auto; }
.form-grid fieldset { border:1px solid var(--line); border-radius:6px; padding:4px 8px 8px; display:flex; gap:6px; }
.form-grid fieldset legend { font-size:12px; color:var(--muted); }
.form-grid fieldset input { width:70px; }
.scenario-form { display:grid; grid-template-columns:repeat(auto-fill, minmax(250px, 1fr)); gap:10px 16px; margin-bottom:10px; }
.scenario-form .group { border:1px solid var(--line); border-radius:6px; padding:6px 10px; }
.scenario-form .group h4 { margin:0 0 4px; font-size:13px; }
.scenario-form label { display:flex; justify-content:space-between; gap:8px; font-size:12px; margin:3px 0; align-items:center; }
.scenario-form label span { color:var(--muted); }
.scenario-form input { width:90px; font:inherit; padding:2px 4px; }
.scenario-form input.bad { border-color:var(--bad); background:#fde8e6; }
.issue-list { margin:8px 0 0; padding:0; list-style:none; font:12px/1.5 ui-monospace, monospace; color:var(--bad); }
.run-item .kind { font-size:10px; text-transform:uppercase; color:#fff; background:var(--base); border-radius:3px; padding:0 4px; margin-right:4px; }
.run-item .verdict { color:var(--ink); }
</style>
</head>
<body>
<header><h1>ccsim workbench</h1><span class="where" id="workspace"></span><span class="load" id="load"></span></header>
<div class="layout">
<aside>
  <h2>Scenarios</h2>
  <ul id="file-list"></ul>
  <h2 title="ccsim sweep run FILE">Sweep specs</h2>
  <ul id="sweep-list"></ul>
  <h2>Runs</h2>
  <ul id="run-list"></ul>
</aside>
<main>
  <nav class="tabs">
    <button data-tab="edit" class="active">Scenario</button>
    <button data-tab="whatif">What-if</button>
    <button data-tab="roi">Training ROI</button>
    <button data-tab="staffing">Staffing</button>
    <button data-tab="compare">Compare runs</button>
  </nav>
  <section class="tab active" id="tab-edit">
    <div class="card">
      <div class="toolbar">
        <span class="file" id="file-name">no scenario open</span>
        <span class="state" id="save-state"></span>
        <span style="flex:1"></span>
        <label>replications <input type="number" id="run-replications" min="1" max="1000"></label>
        <button id="form-button" disabled title="the most used figures as a form; edits go into the YAML text">Form view</button>
        <button id="save-button" disabled>Save</button>
        <button id="run-button" class="primary" disabled>Run</button>
      </div>
      <div id="form-panel" class="scenario-form" hidden></div>
      <div class="editor"><div class="gutter" id="gutter">1</div>
        <div class="code"><div class="backdrop" id="backdrop"></div><textarea id="editor" spellcheck="false" wrap="off" disabled placeholder="The scenario's YAML appears here once you open one from the list on the left."></textarea></div></div>
      <ul id="issues"></ul>
    </div>
  </section>
  <section class="tab" id="tab-whatif">
    <div class="card">
      <div class="toolbar"><b>What-if</b> <span class="hint" id="whatif-file">open a valid scenario first</span>
        <span style="flex:1"></span>
        <label>channel <select id="whatif-channel"></select></label>
        <label>figure <select id="whatif-metric"><option value="sl">service level</option><option value="abandonment">abandonment</option><option value="asa">average speed of answer</option></select></label>
        <label>replications <input type="number" id="whatif-replications" min="1" max="1000"></label>
        <button id="whatif-reset">Reset</button></div>
      <p class="hint">Each change re-runs the scenario with the same seed as the base (common random numbers: the same customers),
        so the difference shown is the change's own effect; the band is its 95% confidence interval over the replications.</p>
      <div class="levers" id="levers"></div>
    </div>
    <div class="card">
      <div id="whatif-summary" class="hint">Move a lever to see the service level change.</div>
      <div class="legend"><span style="--c:#8a93a3">base</span><span style="--c:#2463c9">what-if</span><span style="--c:#c0392b" id="legend-target">target</span></div>
      <div id="whatif-chart"></div>
      <div id="whatif-diff"></div>
    </div>
  </section>
  <section class="tab" id="tab-roi">
    <div class="card">
      <div class="toolbar"><b>Is a training program worth it?</b> <span class="hint" id="roi-file">open a valid scenario first</span>
        <span style="flex:1"></span>
        <label>program <select id="roi-program"></select></label></div>
      <p class="hint">The center runs with and without the program on the same random numbers (common random numbers), replication by replication,
        as <code>ccsim roi FILE --program NAME</code>. Each effect is a range in percent (min, most likely, max; leave "most likely" empty for a uniform range,
        or give one value for a point estimate); each replication draws the program's effects from it, so the spread of ROI is the trainers' uncertainty.
        Participants: <code>new_hires</code>, <code>everyone</code> or team names separated by commas.</p>
      <form id="roi-form" class="form-grid" autocomplete="off">
        <label>name <input id="roi-name" required></label>
        <label>participants <input id="roi-participants" value="new_hires"></label>
        <label>hours off the phones <input type="number" id="roi-hours" min="0" step="any"></label>
        <label>spread over weeks <input type="number" id="roi-spread" min="1" step="1"></label>
        <label>cost per participant <input type="number" id="roi-cost" min="0" step="any"></label>
        <label>fixed cost <input type="number" id="roi-fixed" min="0" step="any"></label>
        <label>benefit half-life, weeks <input type="number" id="roi-halflife" min="0" step="any"></label>
        <span></span>
        <fieldset><legend>handle time change, %</legend><input type="number" id="roi-aht-min" step="any" placeholder="min"><input type="number" id="roi-aht-mode" step="any" placeholder="likely"><input type="number" id="roi-aht-max" step="any" placeholder="max"></fieldset>
        <fieldset><legend>FCR change (relative), %</legend><input type="number" id="roi-fcr-min" step="any" placeholder="min"><input type="number" id="roi-fcr-mode" step="any" placeholder="likely"><input type="number" id="roi-fcr-max" step="any" placeholder="max"></fieldset>
        <fieldset><legend>attrition change, %</legend><input type="number" id="roi-attr-min" step="any" placeholder="min"><input type="number" id="roi-attr-mode" step="any" placeholder="likely"><input type="number" id="roi-attr-max" step="any" placeholder="max"></fieldset>
      </form>
      <div class="toolbar" style="margin-top:8px">
        <label>paired replications <input type="number" id="roi-replications" min="2" max="200" value="10"></label>
        <label>replications per sensitivity point <input type="number" id="roi-sensitivity" min="0" max="20" value="2"></label>
        <button id="roi-button" class="primary" disabled>Run ROI study</button>
        <span class="hint" id="roi-state"></span>
      </div>
      <ul id="roi-issues" class="issue-list"></ul>
    </div>
  </section>
  <section class="tab" id="tab-staffing">
    <div class="card">
      <div class="toolbar"><b>Staffing and shifts</b> <span class="hint" id="staff-file">open a valid scenario first</span></div>
      <p class="hint"><b>Find staffing</b> is <code>ccsim staff</code>: the Erlang plan per interval and team, then a simulation search for the cheapest plan that meets every SLA
        (the same seed for every plan). <b>Schedule shifts</b> is <code>ccsim schedule</code>: shifts from the scenario's <code>scheduling</code> templates chosen by an integer program
        (GLPK) to cover a requirement at least cost, then simulated; the requirement is a finished staffing search's plan, or found first.</p>
      <div class="toolbar">
        <label>replications per plan <input type="number" id="staff-replications" min="2" max="1000" value="10"></label>
        <label>most plans <input type="number" id="staff-iterations" min="1" max="200" value="30"></label>
        <button id="staff-button" class="primary" disabled>Find staffing</button>
        <span style="width:24px"></span>
        <label>requirement <select id="schedule-requirement"></select></label>
        <button id="schedule-button" disabled>Schedule shifts</button>
        <span class="hint" id="staff-state"></span>
      </div>
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
</main>
</div>
<script src="/app.js"></script>
</body>
</html>
"""##
}
