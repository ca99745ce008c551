// The daemon's web panel: the session's event curve with hits and cuts, its takes, the live transport,
// and regeneration of a range. Plain JavaScript against the daemon's HTTP/WebSocket API (README, "The
// daemon"); no build step, so the page the daemon serves is the file in the repository.
"use strict";

const STEMS = ["drums", "bass", "harmony", "melody", "fx"];
const token = new URLSearchParams(location.search).get("token");
const state = { session: null, curve: null, takes: [], transport: null, range: null, dragFrom: null };
const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(json && json.error ? json.error : response.status + " " + response.statusText);
  return json;
}

function say(text, isError) {
  $("message").textContent = text;
  $("message").className = isError ? "error" : "";
}

function fileUrl(takeId, name) {
  const url = "/api/takes/" + encodeURIComponent(takeId) + "/files/" + encodeURIComponent(name);
  return token ? url + "?token=" + encodeURIComponent(token) : url;
}

// ---- sessions -------------------------------------------------------------------------------------

async function loadSessions(selectId) {
  const sessions = await api("GET", "/api/sessions");
  const select = $("session");
  select.innerHTML = "";
  for (const s of sessions) {
    const option = document.createElement("option");
    option.value = s.id;
    option.textContent = s.id + "  " + s.path.split("/").pop();
    select.appendChild(option);
  }
  const chosen = selectId || (state.session && state.session.id) || (sessions.length ? sessions[sessions.length - 1].id : null);
  if (chosen) {
    select.value = chosen;
    await selectSession(chosen);
  }
}

async function selectSession(id) {
  state.session = await api("GET", "/api/sessions/" + id);
  state.curve = await api("GET", "/api/sessions/" + id + "/curve");
  $("prompt").value = state.session.prompt;
  state.range = null;
  await loadTakes();
  draw();
}

async function loadTakes() {
  if (!state.session) return;
  state.takes = await api("GET", "/api/sessions/" + state.session.id + "/takes");
  const body = $("takes").querySelector("tbody");
  body.innerHTML = "";
  for (const take of state.takes.slice().reverse()) {
    const row = document.createElement("tr");
    row.dataset.take = take.takeId;
    if (take.takeId === state.session.currentTakeId) row.className = "current";
    const cells = [
      take.takeId === state.session.currentTakeId ? "▶" : "",
      take.takeId,
      take.prompt,
      take.style,
      take.lineage ? take.lineage.parentTakeId + " @ " + take.lineage.startSeconds.toFixed(2) + " s" : "",
    ];
    for (const text of cells) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.appendChild(cell);
    }
    const actions = document.createElement("td");
    actions.appendChild(button("listen", () => listen(take)));
    actions.appendChild(button("make current", () => makeCurrent(take.takeId)));
    row.appendChild(actions);
    body.appendChild(row);
  }
}

function button(label, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.className = label.replace(/ /g, "-");
  b.addEventListener("click", () => onClick().catch((e) => say(e.message, true)));
  return b;
}

async function listen(take) {
  $("audio").src = fileUrl(take.takeId, take.mix);
  await $("audio").play().catch(() => {});
}

async function makeCurrent(takeId) {
  state.session = await api("PUT", "/api/sessions/" + state.session.id + "/current", { takeId });
  await loadTakes();
  say("take " + takeId + " is current");
}

// ---- take requests --------------------------------------------------------------------------------

function number(id) {
  const text = $(id).value.trim();
  if (!text) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(id + ": " + text + " is not a number");
  return value;
}

// The ticked stems, or null when all are ticked: "whatever the style has" (a solo piano has no drums).
function stems() {
  const ticked = STEMS.filter((s) => $("stem-" + s).checked);
  return ticked.length === STEMS.length ? null : ticked;
}

async function request(kind) {
  if (!state.session) throw new Error("open a session first");
  const body = { prompt: $("prompt").value.trim() || null, seed: number("seed"), stems: stems() };
  if (kind === "range") {
    body.startSeconds = number("start") ?? 0;
    body.endSeconds = number("end");
  } else if (kind === "playhead") {
    body.fromPlayhead = true;
  }
  const job = await api("POST", "/api/sessions/" + state.session.id + "/takes", body);
  showJob(job);
}

function showJob(job) {
  $("job-progress").value = job.progress;
  $("job-stage").textContent = job.id + ": " + (job.state === "failed" ? job.error : job.stage);
}

// ---- the timeline ---------------------------------------------------------------------------------

function draw() {
  const canvas = $("curve");
  const g = canvas.getContext("2d");
  g.clearRect(0, 0, canvas.width, canvas.height);
  if (!state.curve) return;
  const duration = state.curve.duration;
  const values = state.curve.curve.values;
  const times = state.curve.curve.times;
  const lo = Math.min(...values, 0), hi = Math.max(...values, 1);
  const x = (t) => (t / duration) * canvas.width;
  const y = (v) => canvas.height - 10 - ((v - lo) / (hi - lo)) * (canvas.height - 20);
  if (state.range) {
    g.fillStyle = "rgba(129, 199, 132, 0.3)";
    const end = state.range.end ?? duration;
    g.fillRect(x(state.range.start), 0, x(end) - x(state.range.start), canvas.height);
  }
  g.strokeStyle = "#ef5350";
  g.lineWidth = 2;
  for (const cut of state.curve.cuts) line(g, x(cut), canvas.height);
  g.strokeStyle = "#4fc3f7";
  g.lineWidth = 1.5;
  g.beginPath();
  times.forEach((t, i) => (i ? g.lineTo(x(t), y(values[i])) : g.moveTo(x(t), y(values[i]))));
  g.stroke();
  g.fillStyle = "#ffd54f";
  for (const hit of state.curve.hits) g.fillRect(x(hit.time) - 2, y(hit.strength) - 2, 5, 5);
  drawPlayhead(g, x, canvas.height);
}

function drawPlayhead(g, x, height) {
  const t = state.transport;
  if (!t || !state.session) return;
  const at = t.seconds - state.session.timelineOffsetSeconds;
  if (at < 0 || at > state.curve.duration) return;
  g.strokeStyle = "#ffffff";
  g.lineWidth = 1;
  line(g, x(at), height);
}

function line(g, px, height) {
  g.beginPath();
  g.moveTo(px, 0);
  g.lineTo(px, height);
  g.stroke();
}

function secondsAt(event) {
  const canvas = $("curve");
  const box = canvas.getBoundingClientRect();
  return Math.max(0, Math.min(1, (event.clientX - box.left) / box.width)) * state.curve.duration;
}

function setupTimeline() {
  const canvas = $("curve");
  canvas.addEventListener("mousedown", (e) => { if (state.curve) state.dragFrom = secondsAt(e); });
  canvas.addEventListener("mousemove", (e) => {
    if (state.dragFrom === null) return;
    const to = secondsAt(e);
    state.range = { start: Math.min(state.dragFrom, to), end: Math.max(state.dragFrom, to) };
    $("start").value = state.range.start.toFixed(2);
    $("end").value = state.range.end.toFixed(2);
    draw();
  });
  window.addEventListener("mouseup", () => { state.dragFrom = null; });
}

function showTransport(t) {
  state.transport = t;
  $("transport").textContent = t.source + ": " + (t.rolling ? "rolling" : "stopped") + " at "
    + t.seconds.toFixed(2) + " s · player " + t.player + (t.playingTake ? " · " + t.playingTake : "");
  draw();
}

// ---- live events ----------------------------------------------------------------------------------

function connectEvents() {
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  const socket = new WebSocket(scheme + location.host + "/api/events" + (token ? "?token=" + encodeURIComponent(token) : ""));
  socket.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.type === "transport") {
      showTransport(event.data);
    } else if (event.type === "progress") {
      showJob(event.data);
      if (event.data.state === "failed") say(event.data.error, true);
    } else if (event.type === "take") {
      showJob(event.data);
      say("take " + event.data.takeId + " ready");
      loadSessions().catch((e) => say(e.message, true));
    } else if (event.type === "current" || event.type === "session") {
      loadSessions().catch((e) => say(e.message, true));
    } else if (event.type === "error") {
      say(event.data, true);
    }
  };
  socket.onclose = () => setTimeout(connectEvents, 1000);
}

// ---- start ----------------------------------------------------------------------------------------

function setup() {
  for (const s of STEMS) {
    const label = document.createElement("label");
    label.innerHTML = '<input type="checkbox" checked id="stem-' + s + '"> ' + s;
    $("stems").appendChild(label);
  }
  const act = (f) => () => f().catch((e) => say(e.message, true));
  $("regenerate").addEventListener("click", act(() => request("range")));
  $("from-playhead").addEventListener("click", act(() => request("playhead")));
  $("new-take").addEventListener("click", act(() => request("whole")));
  $("session").addEventListener("change", act(() => selectSession($("session").value)));
  $("open-form").addEventListener("submit", (e) => {
    e.preventDefault();
    act(async () => {
      const s = await api("POST", "/api/sessions", { path: $("open-path").value.trim() });
      await loadSessions(s.id);
      say("opened " + s.path);
    })();
  });
  $("prompt").addEventListener("change", act(async () => {
    if (state.session && $("prompt").value.trim()) {
      state.session = await api("PUT", "/api/sessions/" + state.session.id + "/prompt", { prompt: $("prompt").value });
    }
  }));
  setupTimeline();
  connectEvents();
  // Transport events come on change; the state before the first one is asked for once.
  api("GET", "/api/transport").then(showTransport)
    .then(() => loadSessions()).then(() => say("ready")).catch((e) => say(e.message, true));
}

setup();
