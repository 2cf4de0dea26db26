// The explorer page: sliders for parameters, a run after each change, the outcomes with their 95% intervals (and,
// conditioned on evidence, the prior beside the posterior), the machines as diagrams, and a sample path told as a story.
// Plain JavaScript; everything comes from this server.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const $ = id => document.getElementById(id);

const state = {
  limits: null,          // defaultTrials, maxTrialsPerRequest, maxTotalTrials, evidenceBlockSize, maxParticles
  file: null,            // scenario file, relative to the scenario folder
  variant: "",           // "" for the base scenario
  evidence: null,        // the evidence file the results are conditioned on, or null for the plain run
  description: null,     // GET /api/scenario
  overrides: {},         // parameter name -> text, sent as --set name=text
  lastEdited: null,      // the parameter a message without one is shown next to
  result: null,          // the last run's answer
  previous: null,        // the answer before it, to show how the numbers moved
  headline: null,        // the outcome shown big
  shown: null,           // the settings (file, variant, overrides, seed) the shown result was run with
  controller: null,      // aborts a run that a newer change replaces
  timer: 0,              // a change waiting to be run
  traceTrial: 0,
  traceRequest: 0,       // the newest story asked for; an older answer arriving late is dropped
};

// What the page is doing, for anyone who waits on it (a test, a screen reader's status): "changed" when a change waits
// to be run, "running", "idle" when the numbers shown answer the settings shown, "invalid" when they cannot.
function setPageState(name) { document.body.dataset.state = name; }

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

// A share; one a hair below 0 from rounding in a weighted sum reads 0.0%, not −0.0%.
const percent = x => x === null || x === undefined ? "–" : (Math.max(0, x) * 100).toFixed(1) + "%";
const number = x => x === null || x === undefined ? "–" : Number(x).toLocaleString("en-US", { maximumSignificantDigits: 4 });
const count = x => Number(x).toLocaleString("en-US");
const fixed = x => x === null || x === undefined ? "–" : Number(x).toFixed(2).replace("-", "−");
const roundUp = (x, block) => Math.ceil(x / block) * block;

async function api(path, body, signal) {
  const options = body === undefined ? { signal } : {
    method: "POST", signal, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  };
  const response = await fetch(path, options);
  let json = null;
  try { json = await response.json(); } catch { json = { error: `the server answered ${response.status} without a message` }; }
  if (!response.ok) throw Object.assign(new Error(json.error || `error ${response.status}`), { status: response.status, diagnostics: json.diagnostics || [], field: json.field || null });
  return json;
}

function showError(message) {
  const box = $("error");
  box.textContent = message || "";
  box.hidden = !message;
}

function setStatus(text) { $("status").textContent = text; }

// --- Loading a scenario ---------------------------------------------------------------------------

async function start() {
  try {
    const list = await api("/api/scenarios");
    state.limits = list;
    const select = $("scenario");
    for (const file of list.scenarios) select.append(element("option", { value: file, text: file }));
    state.file = list.defaultScenario;
    select.value = state.file;
    select.addEventListener("change", () => { state.file = select.value; state.variant = ""; state.overrides = {}; loadScenario(); });
    $("variant").addEventListener("change", () => { state.variant = $("variant").value; loadScenario(); });
    $("seed").addEventListener("change", () => schedule(0));
    setUpEvidence(list);
    $("more").addEventListener("click", () => run(true));
    $("reset").addEventListener("click", () => { state.overrides = {}; buildParameters(); schedule(0); });
    $("trace-next").addEventListener("click", () => { state.traceTrial++; tell(); });
    if (!state.file) { showError(`There is no scenario file in the folder ${list.folder}.`); return; }
    await loadScenario();
  } catch (error) {
    showError(error.message);
  }
}

async function loadScenario() {
  showError("");
  try {
    const query = `file=${encodeURIComponent(state.file)}` + (state.variant ? `&variant=${encodeURIComponent(state.variant)}` : "");
    const description = await api(`/api/scenario?${query}`);
    state.description = description;
    const names = new Set(description.parameters.filter(p => p.kind !== "computed").map(p => p.name));
    for (const name of Object.keys(state.overrides)) if (!names.has(name)) delete state.overrides[name];
    $("title").textContent = description.title || description.name;
    $("subtitle").textContent = `${description.file}: ${description.horizon} ${description.step}s per trial, ` +
      `${description.machines.length} machines, ${description.outcomes.length} outcomes`;
    const variants = $("variant");
    variants.replaceChildren(element("option", { value: "", text: "(base scenario)" }),
      ...description.variants.map(v => element("option", { value: v.name, text: v.name, title: v.description })));
    variants.value = state.variant;
    const outcomes = description.outcomes;
    if (!outcomes.some(o => o.name === state.headline)) state.headline = (outcomes.find(o => o.kind === "probability") || outcomes[0] || {}).name;
    state.result = null;
    state.previous = null;
    state.traceTrial = 0;
    buildParameters();
    drawDiagrams();
    await run(false);
  } catch (error) {
    showError(error.message);
  }
}

// The switch "condition on evidence" and the evidence file; shown only when the server offers evidence files.
function setUpEvidence(list) {
  const on = $("evidence-on"), select = $("evidence");
  if (list.evidence.length === 0) return;
  $("evidence-controls").hidden = false;
  for (const file of list.evidence) select.append(element("option", { value: file, text: file }));
  select.value = list.defaultEvidence || list.evidence[0];
  if (list.maxParticles < list.evidenceBlockSize) {
    on.disabled = true;
    on.parentElement.title = `A request may run at most ${count(list.maxTrialsPerRequest)} trials here: too few to condition on evidence ` +
      `(${count(list.evidenceBlockSize)} particles and as many trials of the prior). Start the explorer with a larger --max-trials.`;
    return;
  }
  on.checked = list.defaultEvidence !== null;
  const changed = () => {
    state.evidence = on.checked ? select.value : null;
    select.disabled = !on.checked;
  };
  changed();
  for (const control of [on, select]) control.addEventListener("change", () => { changed(); schedule(0); });
}

// --- Parameters -------------------------------------------------------------------------------------

function step(control) {
  const span = control.maximum - control.minimum;
  return span > 0 ? Math.pow(10, Math.floor(Math.log10(span / 200))) : 1;
}

function rounded(value, control) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step(control))));
  return String(Number(Number(value).toFixed(Math.min(decimals, 12))));
}

function buildParameters() {
  const box = $("parameters");
  box.replaceChildren();
  if (state.description.parameters.length === 0)
    box.append(element("p", { className: "hint", text: "This scenario has no parameters: every number is written into its transitions." }));
  for (const control of state.description.parameters) {
    if (control.kind === "computed") {
      box.append(element("div", { className: "param computed" },
        element("div", { className: "param-head" }, element("label", { text: control.name }),
          element("span", { className: "definition", text: `= ${control.definition}`, title: control.definition }),
          element("span", { className: "badge", text: "computed" }))));
      continue;
    }
    const id = `field-${control.name}`;
    const slider = element("input", {
      type: "range", min: control.minimum, max: control.maximum, step: step(control), value: control.start,
      "data-parameter": control.name, "aria-label": `${control.name} slider`,
    });
    const field = element("input", {
      type: "text", id, inputmode: "decimal", spellcheck: "false", "data-parameter-field": control.name,
      placeholder: control.kind === "drawn" ? "drawn" : rounded(control.value, control),
    });
    const reset = element("button", { type: "button", title: `Give ${control.name} back its definition: ${control.definition}`, text: "↺" });
    const badge = element("span", { className: "badge" });
    const message = element("div", { className: "param-error", role: "alert", "data-parameter-error": control.name, hidden: true });
    const row = element("div", { className: "param", "data-name": control.name },
      element("div", { className: "param-head" }, element("label", { for: id, text: control.name }),
        element("span", { className: "definition", text: control.definition, title: control.definition }), badge, reset),
      element("div", { className: "param-body" }, slider, field),
      message);
    const refresh = () => {
      const set = Object.hasOwn(state.overrides, control.name);
      row.classList.toggle("set", set);
      row.classList.toggle("unset", !set && control.kind === "drawn");
      badge.textContent = set ? "set" : control.kind;
      field.value = set ? state.overrides[control.name] : "";
    };
    slider.addEventListener("input", () => {
      state.overrides[control.name] = rounded(slider.value, control);
      state.lastEdited = control.name;
      refresh();
      schedule(250);
    });
    slider.addEventListener("change", () => schedule(0));
    const commit = () => {
      const text = field.value.trim();
      if (text === "") delete state.overrides[control.name];
      else state.overrides[control.name] = text;
      state.lastEdited = control.name;
      const value = Number(text);
      if (text !== "" && Number.isFinite(value)) slider.value = value;
      refresh();
      schedule(0);
    };
    field.addEventListener("change", commit);
    field.addEventListener("keydown", event => { if (event.key === "Enter") { event.preventDefault(); commit(); } });
    reset.addEventListener("click", () => {
      delete state.overrides[control.name];
      slider.value = control.start;
      state.lastEdited = control.name;
      refresh();
      schedule(0);
    });
    if (Object.hasOwn(state.overrides, control.name) && Number.isFinite(Number(state.overrides[control.name])))
      slider.value = Number(state.overrides[control.name]);
    refresh();
    box.append(row);
  }
}

function clearMessages() {
  for (const message of document.querySelectorAll(".param-error")) { message.hidden = true; message.textContent = ""; }
  for (const row of document.querySelectorAll(".param.invalid")) row.classList.remove("invalid");
  showError("");
  showEvidenceError("");
}

function showEvidenceError(message) {
  const box = $("evidence-error");
  box.textContent = message || "";
  box.hidden = !message;
}

function showDiagnostics(error) {
  clearMessages();
  const diagnostics = error.diagnostics.length > 0 ? error.diagnostics : [{ message: error.message, parameter: null }];
  const unplaced = [];
  for (const diagnostic of diagnostics) {
    const name = diagnostic.parameter || state.lastEdited;
    const box = name && document.querySelector(`[data-parameter-error="${CSS.escape(name)}"]`);
    if (!box) { unplaced.push(diagnostic.message); continue; }
    box.textContent = box.textContent ? `${box.textContent}\n${diagnostic.message}` : diagnostic.message;
    box.hidden = false;
    box.closest(".param").classList.add("invalid");
  }
  if (unplaced.length > 0) showError(unplaced.join("\n"));
}

// --- Runs ---------------------------------------------------------------------------------------------

function schedule(delay) {
  clearTimeout(state.timer);
  setPageState("changed");
  state.timer = setTimeout(() => run(false), delay);
}

// The settings a run answers; "run more" may continue the shown result only when they have not changed since.
function settings() {
  return JSON.stringify([state.file, state.variant, state.overrides, $("seed").value, state.evidence]);
}

function request(extra) {
  return {
    scenario: state.file, variant: state.variant || null, set: state.overrides,
    seed: Number($("seed").value) || 0, ...extra,
  };
}

async function run(more) {
  if (!state.description) return;
  clearTimeout(state.timer);
  if (state.controller) state.controller.abort();
  const controller = new AbortController();
  state.controller = controller;
  const trials = state.limits.defaultTrials;
  const asked = settings();
  const continued = more && state.result !== null && state.shown === asked;
  const from = continued ? state.result.trials : 0;
  const evidence = state.evidence;
  // Conditioned on evidence, trials are particles, in whole blocks of evidenceBlockSize (see docs/explorer.md).
  const added = evidence ? roundUp(trials, state.limits.evidenceBlockSize) : trials;
  setPageState("running");
  setStatus(evidence ? `conditioning ${count(from + added)} particles on the evidence…` : `running ${count(trials)} trials…`);
  try {
    const result = await api("/api/run", request({ trials, from, ...(evidence ? { evidence } : {}) }), controller.signal);
    if (state.controller !== controller) return;
    clearMessages();
    state.previous = continued ? state.previous : state.result;
    state.result = result;
    state.shown = asked;
    setPageState("idle");
    document.body.dataset.runs = String(Number(document.body.dataset.runs) + 1);
    const took = `in ${count(Math.round(result.elapsedMilliseconds))} ms`;
    setStatus(result.prior ? `${count(result.trials)} particles and ${count(result.prior.trials)} trials of the prior ${took}` : `${count(result.trials)} trials ${took}`);
    $("more").disabled = result.prior ? result.trials + added > state.limits.maxParticles : result.trials + trials > state.limits.maxTotalTrials;
    render();
    if (!continued) tell();
  } catch (error) {
    if (error.name === "AbortError" || state.controller !== controller) return;
    if (continued) {
      // The numbers shown still answer the settings shown; only the trials to add were refused (see docs/explorer.md).
      setPageState("idle");
      setStatus("no trials added: see the message");
      showError(error.message);
      return;
    }
    setPageState("invalid");
    setStatus("not run: see the message");
    for (const part of resultParts()) part.classList.add("stale");
    if (error.field === "evidence") {
      // Evidence that does not fit the scenario, or that no trial of it can produce with these settings.
      clearMessages();
      showEvidenceError([error.message, ...error.diagnostics.slice(1).map(d => d.message)].join("\n"));
    } else {
      showDiagnostics(error);
    }
  }
}

function resultParts() { return [$("chart"), $("outcomes"), $("headline"), $("evidence-summary")]; }

function render() {
  for (const part of resultParts()) part.classList.remove("stale");
  renderHeadline();
  renderEvidenceSummary();
  renderChart();
  renderTable();
}

function priorOf(name) { return state.result.prior ? outcomeOf(state.result.prior, name) : null; }

// What the evidence did: how many particles, the effective sample size, the log marginal likelihood.
function renderEvidenceSummary() {
  const box = $("evidence-summary");
  const e = state.result.evidence;
  box.hidden = !e;
  if (!e) { box.replaceChildren(); delete box.dataset.ess; return; }
  box.dataset.ess = e.ess;
  box.dataset.effectiveDraws = e.effectiveDraws;
  const se = e.logMarginalLikelihoodSe === null ? "" : ` ± ${fixed(e.logMarginalLikelihoodSe)}`;
  box.replaceChildren(...[
    element("div", { text: `Conditioned on ${e.file}: ${count(e.observations)} observations up to ${state.description.step} ${e.asOf}. ` +
      `Beside each outcome: the prior (the scenario alone) and the posterior (given the evidence).` }),
    element("div", { className: "ess", text: `Effective sample size ${count(Math.round(e.ess))} of ${count(e.particles)} particles, ` +
      `from ${count(e.distinctOrigins)} distinct trials: ${count(Math.round(e.effectiveDraws))} effective draws. ` +
      `Log marginal likelihood of the evidence ${fixed(e.logMarginalLikelihood)}${se}.` }),
    e.effectiveDraws < e.minimumEss ? element("div", { className: "low",
      text: `Fewer than ${count(e.minimumEss)} effective draws: too few to trust these numbers. Run more adds particles.` }) : null,
  ].filter(part => part !== null));
}

function outcomeOf(result, name) { return result ? result.outcomes.find(o => o.name === name) : null; }
function describeOutcome(name) { return state.description.outcomes.find(o => o.name === name) || { name }; }

function stateLabel(machineName, stateName) {
  const machine = state.description.machines.find(m => m.name === machineName);
  const found = machine && machine.states.find(s => s.name === stateName);
  return found ? found.label : stateName;
}

const range = (interval, format) => `${format(interval[0])} – ${format(interval[1])}`;

// The outcome shown big; conditioned on evidence, the prior's value before the arrow and the posterior's after it.
function renderHeadline() {
  const box = $("headline");
  const outcome = outcomeOf(state.result, state.headline);
  const info = describeOutcome(state.headline);
  const chooser = element("select", { "aria-label": "Outcome shown big" },
    ...state.description.outcomes.map(o => element("option", { value: o.name, text: o.name, selected: o.name === state.headline })));
  chooser.addEventListener("change", () => { state.headline = chooser.value; render(); });
  box.replaceChildren(element("div", { className: "what" }, chooser, " ", info.description || info.definition || ""));
  if (!outcome) return;
  box.dataset.outcome = outcome.name;
  const before = outcomeOf(state.previous, state.headline);
  const prior = priorOf(state.headline);
  const priorValue = text => prior ? element("span", { className: "prior", text: `${text} → ` }) : null;
  const intervals = (priorInterval, interval, format) => prior
    ? `95% intervals: prior ${range(priorInterval, format)}, given the evidence ${range(interval, format)}`
    : `95% interval ${range(interval, format)}`;
  if (outcome.kind === "probability") {
    box.append(element("div", { className: "big", "data-estimate": outcome.estimate }, priorValue(prior && percent(prior.estimate)), percent(outcome.estimate)),
      element("div", { className: "interval", text: intervals(prior && prior.ci95, outcome.ci95, percent) }));
    if (before && before.estimate !== null && outcome.estimate !== null) {
      const change = (outcome.estimate - before.estimate) * 100;
      const direction = change > 0.05 ? "up" : change < -0.05 ? "down" : "";
      box.append(element("div", { className: `delta ${direction}`,
        text: `${change >= 0 ? "▲ +" : "▼ "}${change.toFixed(1)} points since the change before (${percent(before.estimate)})` }));
    }
  } else if (outcome.kind === "distribution") {
    box.append(element("div", { className: "big" }, "mean ", priorValue(prior && number(prior.mean)), number(outcome.mean)),
      element("div", { className: "interval", text: `${intervals(prior && prior.ci95, outcome.ci95, number)}; ` +
        `median ${number(outcome.quantiles.p50)}, 90% of ${prior ? "the posterior" : "trials"} ${number(outcome.quantiles.p05)} – ${number(outcome.quantiles.p95)}` +
        (outcome.never !== null && outcome.never !== undefined ? `; never ${percent(outcome.never)}` : "") }));
  } else {
    const top = [...outcome.categories].sort((a, b) => b.probability - a.probability)[0];
    const priorTop = prior && prior.categories.find(c => c.state === top.state);
    box.append(element("div", { className: "big" }, `${stateLabel(info.machine, top.state)} `, priorValue(priorTop && percent(priorTop.probability)),
      percent(top.probability)),
      element("div", { className: "interval", text: intervals(priorTop && priorTop.ci95, top.ci95, percent) }));
  }
  box.append(element("div", { className: "what", text: `${count(state.result.trials)} ${prior ? "particles" : "trials"}, seed ${state.result.seed}` }));
}

// One bar per probability with whiskers for its interval; conditioned on evidence, the prior's (grey) above the posterior's.
function renderChart() {
  const probabilities = state.result.outcomes.filter(o => o.kind === "probability");
  if (probabilities.length === 0) {
    $("chart").replaceChildren(element("p", { className: "hint", text: "This scenario has no probability outcomes; its outcomes are in the table." }));
    return;
  }
  const conditioned = state.result.prior !== undefined;
  const rowHeight = conditioned ? 30 : 22, labelWidth = 230, plotWidth = 430, valueWidth = conditioned ? 250 : 150, top = 20;
  const width = labelWidth + plotWidth + valueWidth;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${top + rowHeight * probabilities.length + 6}`, role: "img",
    "aria-label": conditioned ? "Each probability with its 95% interval, the prior (grey) above the posterior given the evidence (blue)"
      : "Each probability with its 95% interval" });
  const x = p => labelWidth + plotWidth * p;
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    chart.append(svg("line", { x1: x(tick), x2: x(tick), y1: top - 4, y2: top + rowHeight * probabilities.length, stroke: "#d5dbe2" }),
      svg("text", { x: x(tick), y: top - 8, "text-anchor": "middle", "font-size": 10, fill: "#5b6876" }, `${tick * 100}%`));
  }
  // A bar from 0 to the estimate, from y to y + height, with whiskers for the interval across its middle.
  const bar = (row, outcome, y, height, fill) => {
    row.append(svg("rect", { x: x(0), y, width: Math.max(0, plotWidth * (outcome.estimate || 0)), height, fill }));
    const [low, high] = outcome.ci95;
    if (low === null || high === null) return;
    const middle = y + height / 2, tip = Math.min(5, height / 2 + 1);
    row.append(svg("line", { x1: x(low), x2: x(high), y1: middle, y2: middle, stroke: "#1d2733", "stroke-width": 1.5 }),
      svg("line", { x1: x(low), x2: x(low), y1: middle - tip, y2: middle + tip, stroke: "#1d2733", "stroke-width": 1.5 }),
      svg("line", { x1: x(high), x2: x(high), y1: middle - tip, y2: middle + tip, stroke: "#1d2733", "stroke-width": 1.5 }));
  };
  probabilities.forEach((outcome, i) => {
    const y = top + i * rowHeight;
    const row = svg("g", { class: `row${outcome.name === state.headline ? " selected" : ""}`, "data-outcome": outcome.name });
    const prior = priorOf(outcome.name);
    row.append(svg("title", {}, describeOutcome(outcome.name).description || outcome.name),
      svg("text", { class: "label", x: labelWidth - 8, y: y + rowHeight / 2 + 4, "text-anchor": "end", "font-size": 12 }, outcome.name));
    if (prior) {
      bar(row, prior, y + 3, 9, "#c9d1da");
      bar(row, outcome, y + 14, 12, "#9dbbe0");
    } else {
      bar(row, outcome, y + 4, rowHeight - 8, "#9dbbe0");
    }
    const before = outcomeOf(state.previous, outcome.name);
    if (before && before.estimate !== null)
      row.append(svg("line", { x1: x(before.estimate), x2: x(before.estimate), y1: y + 2, y2: y + rowHeight - 2, stroke: "#5b6876", "stroke-dasharray": "2 2" }));
    const shown = `${percent(outcome.estimate)} (${range(outcome.ci95, percent)})`;
    row.append(svg("text", { x: labelWidth + plotWidth + 8, y: y + rowHeight / 2 + 4, "font-size": 12 },
      prior ? `${percent(prior.estimate)} → ${shown}` : shown));
    row.addEventListener("click", () => { state.headline = outcome.name; render(); });
    chart.append(row);
  });
  $("chart").replaceChildren(chart);
}

// Every outcome, one row each; conditioned on evidence, the prior's estimate and interval before the posterior's.
function renderTable() {
  const conditioned = state.result.prior !== undefined;
  const head = conditioned ? ["outcome", "prior", "prior 95% interval", "given the evidence", "95% interval", "more"] : ["outcome", "estimate", "95% interval", "more"];
  $("outcomes").tHead.replaceChildren(element("tr", {}, ...head.map(text => element("th", { text }))));
  const body = $("outcomes").tBodies[0];
  body.replaceChildren();
  const value = o => o.kind === "probability" ? o.estimate : o.kind === "distribution" ? o.mean : null;
  // The estimate and the interval of a probability or a distribution's mean, as two cells of the given classes.
  const estimateCells = (o, estimateClass, intervalClass) => o.kind === "probability"
    ? [element("td", { className: `number ${estimateClass}`, text: percent(o.estimate) }), element("td", { className: `number ${intervalClass}`, text: range(o.ci95, percent) })]
    : [element("td", { className: `number ${estimateClass}`, text: `mean ${number(o.mean)}` }), element("td", { className: `number ${intervalClass}`, text: range(o.ci95, number) })];
  for (const outcome of state.result.outcomes) {
    const info = describeOutcome(outcome.name);
    const prior = priorOf(outcome.name);
    const name = element("td", {}, element("div", { className: "outcome-name", text: outcome.name }),
      element("div", { className: "outcome-description", text: info.description || info.definition || "" }));
    let cells;
    if (outcome.kind === "probability" || outcome.kind === "distribution") {
      const q = outcome.quantiles;
      const more = outcome.kind === "probability"
        ? (conditioned ? `${count(outcome.trials)} effective draws` : `${count(outcome.successes)} of ${count(outcome.trials)} trials`)
        : `median ${number(q.p50)}; 5%–95%: ${number(q.p05)} – ${number(q.p95)}` +
          (outcome.never !== null && outcome.never !== undefined ? `; never ${percent(outcome.never)}` : "");
      cells = [...(prior ? estimateCells(prior, "prior prior-estimate", "prior prior-interval") : []),
        ...estimateCells(outcome, "estimate", "interval"), element("td", { text: more })];
    } else {
      cells = [element("td", { colspan: head.length - 1 }, ...outcome.categories.map((c, i) => {
        const before = prior && prior.categories.find(p => p.state === c.state);
        return element("span", { className: "number", text: `${i > 0 ? " · " : ""}${stateLabel(info.machine, c.state)} ` +
          `${before ? `${percent(before.probability)} → ` : ""}${percent(c.probability)} (${range(c.ci95, percent)})` });
      }))];
    }
    const row = element("tr", {
      className: outcome.name === state.headline ? "selected" : "", "data-outcome": outcome.name, "data-kind": outcome.kind,
      "data-estimate": value(outcome), "data-low": outcome.ci95 ? outcome.ci95[0] : null, "data-high": outcome.ci95 ? outcome.ci95[1] : null,
      "data-prior-estimate": prior ? value(prior) : null,
      "data-prior-low": prior && prior.ci95 ? prior.ci95[0] : null, "data-prior-high": prior && prior.ci95 ? prior.ci95[1] : null,
    }, name, ...cells);
    // The headline is brought into view at once, not by a smooth scroll: the parameters panel is sticky, so while the
    // page glided up it slid down under the pointer, and a slider grabbed in that moment was another parameter's.
    row.addEventListener("click", () => { state.headline = outcome.name; render(); $("headline").scrollIntoView({ block: "nearest" }); });
    body.append(row);
  }
}

// --- A sample path ---------------------------------------------------------------------------------------

async function tell() {
  const asked = ++state.traceRequest;
  document.body.dataset.trace = "telling";
  let story = null, problem = null;
  try {
    story = await api("/api/trace", request({ trial: state.traceTrial }));
  } catch (error) {
    problem = error.message;
  }
  if (asked !== state.traceRequest) return;
  $("trace-heading-line").textContent = story ? story.heading : problem;
  $("trace").replaceChildren(...(story ? story.lines.map(line => element("li", { text: line })) : []));
  document.body.dataset.trace = "told";
}

// --- Diagrams --------------------------------------------------------------------------------------------

function drawDiagrams() {
  const box = $("diagrams");
  box.replaceChildren();
  for (const machine of state.description.machines) {
    const enlarge = element("button", { type: "button", text: "enlarge", title: "Show this diagram at full size, across the page" });
    const figure = element("figure", { "data-machine": machine.name },
      element("figcaption", {}, `${machine.label} (${machine.name})`, enlarge));
    enlarge.addEventListener("click", () => {
      enlarge.textContent = figure.classList.toggle("wide") ? "shrink" : "enlarge";
    });
    if (machine.svg) {
      const holder = element("div");
      holder.innerHTML = machine.svg; // drawn by Graphviz on the server from the scenario
      figure.append(holder);
    } else {
      figure.append(drawMachine(machine));
    }
    box.append(figure);
  }
}

// Without Graphviz on the server: the states on a circle, an arrow per transition, the labels listed below.
function drawMachine(machine) {
  const n = machine.states.length, boxWidth = 130, boxHeight = 30;
  const radius = n <= 1 ? 0 : Math.max(90, (n * (boxWidth + 20)) / (2 * Math.PI));
  const size = 2 * radius + boxWidth + 20, centre = size / 2;
  const position = machine.states.map((_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
    return { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) * 0.7 };
  });
  const height = radius * 1.4 + boxHeight + 30;
  const drawing = svg("svg", { viewBox: `0 ${centre - height / 2} ${size} ${height}`, role: "img", "aria-label": `States of ${machine.name}` });
  const marker = svg("marker", { id: `arrow-${machine.name}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
  marker.append(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#5b6876" }));
  const definitions = svg("defs");
  definitions.append(marker);
  drawing.append(definitions);
  const edges = svg("g");
  const list = element("ul");
  for (const transition of machine.transitions) {
    for (const from of transition.from) {
      const text = `${machine.states[from].name} → ${machine.states[transition.to].name}: ${transition.label}${transition.guard ? ` [${transition.guard}]` : ""}`;
      list.append(element("li", { text }));
      if (from === transition.to) continue;
      const a = position[from], b = position[transition.to];
      const dx = b.x - a.x, dy = b.y - a.y, length = Math.hypot(dx, dy) || 1;
      const shrink = t => Math.min(Math.abs((boxWidth / 2) / (dx / length || 1e-9)), Math.abs((boxHeight / 2) / (dy / length || 1e-9))) * t;
      const start = shrink(1), end = shrink(1);
      const line = svg("line", { x1: a.x + dx / length * start, y1: a.y + dy / length * start, x2: b.x - dx / length * end, y2: b.y - dy / length * end,
        stroke: "#5b6876", "marker-end": `url(#arrow-${machine.name})` });
      line.append(svg("title", {}, text));
      edges.append(line);
    }
  }
  drawing.append(edges);
  // With an initial distribution, every state it lists is an initial state, titled with its probability as written.
  const initialShare = i => (machine.initialDistribution || []).find(share => share.state === i);
  const isInitial = i => machine.initialDistribution ? initialShare(i) !== undefined : i === machine.initial;
  const initialText = i => !isInitial(i) ? "" : initialShare(i) ? ` (initial, p = ${initialShare(i).probability})` : " (initial)";
  machine.states.forEach((s, i) => {
    const p = position[i];
    const group = svg("g");
    group.append(svg("rect", { x: p.x - boxWidth / 2, y: p.y - boxHeight / 2, width: boxWidth, height: boxHeight, rx: 8,
      fill: isInitial(i) ? "#dbe7f5" : "#fff", stroke: "#1d2733", "stroke-width": s.absorbing ? 2.5 : 1 }),
    svg("text", { x: p.x, y: p.y + 4, "text-anchor": "middle", "font-size": 11 }, s.name),
    svg("title", {}, `${s.label}${s.absorbing ? " (absorbing)" : ""}${initialText(i)}`));
    drawing.append(group);
  });
  return element("div", {}, drawing, list);
}

start();
