// The chat page: asks POST /api/ask with Accept: text/event-stream and shows the answer as it streams in.
// Events: citations (the retrieved passages, numbered as the streamed markers), answer (text pieces; restart: true
// withdraws what came before), done (the final JSON response, its citations numbered as the citations event), error
// (a problem document). The done event's shortAnswer, when there is one, is shown above the answer text. Under each
// answer (or abstention), 👍 / 👎 and an optional comment rate it: POST api/ask/{answerId}/feedback.
"use strict";

const KEY_STORAGE = "semsearch.apiKey";
const MAX_HISTORY_TURNS = 20;
const MAX_TURN_LENGTH = 2000;

const $ = (id) => document.getElementById(id);
const conversation = [];
let running = null;

function apiKey() {
  return localStorage.getItem(KEY_STORAGE) || "";
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- the passage panel ----

function showPassage(n, citation, button) {
  document.querySelectorAll("button.marker[aria-pressed='true']").forEach((b) => b.setAttribute("aria-pressed", "false"));
  if (button) button.setAttribute("aria-pressed", "true");
  $("passage-n").textContent = "[" + n + "]";
  $("passage-title").textContent = citation.title || "(sans titre)";
  $("passage-source").textContent = citation.source + " · caractères " + citation.start + "–" + citation.end;
  const text = $("passage-text");
  text.replaceChildren();
  const h = citation.highlight;
  if (h && h.end > h.start) {
    text.append(citation.text.slice(0, h.start), el("mark", null, citation.text.slice(h.start, h.end)),
      citation.text.slice(h.end));
  } else {
    text.textContent = citation.text;
  }
  $("passage").hidden = false;
  const mark = text.querySelector("mark");
  if (mark) mark.scrollIntoView({block: "nearest"});
}

function hidePassage() {
  $("passage").hidden = true;
  document.querySelectorAll("button.marker[aria-pressed='true']").forEach((b) => b.setAttribute("aria-pressed", "false"));
}

// ---- one assistant turn ----

class AssistantTurn {
  constructor() {
    this.node = el("li", "turn assistant");
    this.status = el("p", "status", "Recherche des passages…");
    this.text = el("p", "answer-text");
    this.node.append(this.status, this.text);
    this.streamed = "";
    this.citations = [];
    $("turns").append(this.node);
    this.node.scrollIntoView({block: "end"});
  }

  passages(citations) {
    this.citations = citations;
    this.status.textContent = citations.length
      ? citations.length + " passages lus, réponse en cours…"
      : "Aucun passage pertinent.";
  }

  append(piece) {
    this.streamed += piece;
    this.render(this.text, this.streamed, this.citations);
  }

  restart(reason) {
    this.streamed = "";
    this.text.replaceChildren();
    this.status.textContent = "Réponse du modèle écartée (" + reason + ") ; réponse extractive…";
  }

  // Text with its [n] markers as buttons that open passage n of the given citations.
  render(target, text, citations) {
    target.replaceChildren();
    const marker = /\[(\d+)\]/g;
    let last = 0;
    for (let m; (m = marker.exec(text)) !== null;) {
      target.append(text.slice(last, m.index));
      const n = Number(m[1]);
      const citation = citations.find((c) => c.n === n);
      if (citation) {
        const button = el("button", "marker", "[" + n + "]");
        button.type = "button";
        button.setAttribute("aria-pressed", "false");
        button.title = (citation.title || citation.source) + " — voir le passage";
        button.addEventListener("click", () => showPassage(n, citation, button));
        target.append(button);
      } else {
        target.append(m[0]);
      }
      last = marker.lastIndex;
    }
    target.append(text.slice(last));
  }

  done(response) {
    this.status.remove();
    if (!response.answered) {
      this.node.classList.add("abstained");
      this.text.textContent = "Pas de réponse : " + (response.reason || "rien de pertinent dans les documents.");
      if (response.answerId) this.node.append(feedbackBar(response.answerId));
      return;
    }
    this.render(this.text, response.answer, response.citations);
    if (response.shortAnswer) this.text.before(shortAnswer(response.shortAnswer, response.citations));
    if (response.fallbackReason) {
      this.node.append(el("p", "note", "Réponse extraite des documents : le modèle de langue n’a pas été retenu ("
        + response.fallbackReason + ")."));
    }
    const sources = el("ul", "sources");
    for (const c of response.citations) {
      const item = el("li");
      const button = el("button", null, "[" + c.n + "] " + (c.title || c.source));
      button.type = "button";
      button.addEventListener("click", () => showPassage(c.n, c, null));
      item.append(button);
      sources.append(item);
    }
    this.node.append(sources);
    const t = response.timings || {};
    this.node.append(el("p", "meta", "Réponse en " + Math.round(t.totalMs || 0) + " ms · "
      + (response.generator === "llm" ? "rédigée par le modèle de langue" : "phrases des documents")));
    if (response.answerId) this.node.append(feedbackBar(response.answerId));
  }

  fail(title, detail) {
    this.status.remove();
    this.node.classList.add("failed");
    this.text.textContent = title + (detail ? " : " + detail : "");
  }

  stopped() {
    this.status.textContent = "Arrêté.";
  }
}

// The fact itself above the answer text; its marker opens the cited passage with the fact highlighted.
function shortAnswer(short, citations) {
  const node = el("p", "short-answer");
  node.append(el("span", "short-answer-label", "Réponse courte"), el("strong", null, short.text));
  const citation = citations.find((c) => c.n === short.citation);
  if (citation) {
    const button = el("button", "marker", "[" + short.citation + "]");
    button.type = "button";
    button.setAttribute("aria-pressed", "false");
    button.title = (citation.title || citation.source) + " — voir le passage";
    const located = {...citation, highlight: {start: short.start, end: short.end}};
    button.addEventListener("click", () => showPassage(short.citation, located, button));
    node.append(button);
  }
  return node;
}

// ---- feedback on an answer: POST api/ask/{answerId}/feedback; a later rating replaces the earlier ----

// A thumb drawn inline (no emoji font needed): the outline of Feather's thumbs-up icon (MIT), turned over for down.
function thumb() {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", "M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3");
  svg.append(path);
  return svg;
}

function feedbackBar(answerId) {
  const bar = el("div", "feedback");
  const up = el("button", "rate up");
  const down = el("button", "rate down");
  up.append(thumb());
  down.append(thumb());
  up.title = "Bonne réponse";
  down.title = "Mauvaise réponse";
  const state = el("span", "feedback-state");
  state.setAttribute("aria-live", "polite");
  const form = el("form", "feedback-comment");
  form.hidden = true;
  const comment = el("input");
  comment.type = "text";
  comment.maxLength = 2000;
  comment.placeholder = "Pourquoi ? (facultatif)";
  comment.setAttribute("aria-label", "Commentaire sur la réponse");
  const send = el("button", "quiet", "Envoyer");
  send.type = "submit";
  form.append(comment, send);
  let rating = null;
  for (const [button, value] of [[up, "up"], [down, "down"]]) {
    button.type = "button";
    button.setAttribute("aria-label", button.title);
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", async () => {
      if (await sendFeedback(answerId, {rating: value}, state)) {
        rating = value;
        up.setAttribute("aria-pressed", String(value === "up"));
        down.setAttribute("aria-pressed", String(value === "down"));
        form.hidden = false;
      }
    });
  }
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = comment.value.trim();
    if (rating && text && await sendFeedback(answerId, {rating, comment: text}, state)) {
      state.textContent = "Merci, commentaire enregistré.";
      form.hidden = true;
    }
  });
  bar.append(up, down, state, form);
  return bar;
}

// Headers of a JSON request to the API, with the key when one is entered.
function jsonHeaders(extra) {
  const headers = {"Content-Type": "application/json", ...extra};
  if (apiKey()) headers["Authorization"] = "Bearer " + apiKey();
  return headers;
}

async function sendFeedback(answerId, body, state) {
  const headers = jsonHeaders({});
  try {
    const response = await fetch("api/ask/" + encodeURIComponent(answerId) + "/feedback",
      {method: "POST", headers, body: JSON.stringify(body)});
    if (response.ok) {
      state.textContent = "Merci pour votre avis.";
      return true;
    }
    let problem = null;
    try { problem = await response.json(); } catch (ignored) { /* not JSON */ }
    const [title, detail] = problemText(problem, response.status);
    state.textContent = "Avis non enregistré : " + title + (detail ? " (" + detail + ")" : "");
  } catch (e) {
    state.textContent = "Avis non enregistré : service injoignable.";
  }
  return false;
}

// ---- asking ----

function problemText(problem, status) {
  if (problem && (problem.title || problem.detail)) return [problem.title || "Erreur " + status, problem.detail];
  if (status === 401 || status === 403) return ["Accès refusé", "renseignez une clé d’API valide (en haut de la page)"];
  return ["Erreur " + status, null];
}

async function ask(question) {
  $("intro")?.remove();
  hidePassage();
  const user = el("li", "turn user", question);
  $("turns").append(user);
  const turn = new AssistantTurn();
  const body = {question};
  if (conversation.length) body.history = conversation.slice(-MAX_HISTORY_TURNS);
  const headers = jsonHeaders({"Accept": "text/event-stream"});

  const controller = new AbortController();
  running = controller;
  setBusy(true);
  let final = null;
  try {
    const response = await fetch("api/ask", {method: "POST", headers, body: JSON.stringify(body), signal: controller.signal});
    if (!response.ok || !(response.headers.get("Content-Type") || "").startsWith("text/event-stream")) {
      let problem = null;
      try { problem = await response.json(); } catch (ignored) { /* not JSON */ }
      turn.fail(...problemText(problem, response.status));
      return;
    }
    await readEvents(response.body, (name, data) => {
      if (name === "citations") turn.passages(data.citations);
      else if (name === "answer") data.restart ? turn.restart(data.reason) : turn.append(data.text);
      else if (name === "done") { final = data; turn.done(data); }
      else if (name === "error") turn.fail(...problemText(data, data.status));
    });
    if (!final && !turn.node.classList.contains("failed")) turn.fail("Réponse interrompue", "le flux s’est arrêté avant la fin");
  } catch (e) {
    if (e.name === "AbortError") turn.stopped();
    else turn.fail("Service injoignable", e.message);
  } finally {
    running = null;
    setBusy(false);
    conversation.push({role: "user", content: question.slice(0, MAX_TURN_LENGTH)});
    if (final && final.answered) conversation.push({role: "assistant", content: final.answer.slice(0, MAX_TURN_LENGTH)});
    turn.node.scrollIntoView({block: "end"});
  }
}

// Reads a text/event-stream body, calling onEvent(name, parsed JSON data) for each event.
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) onEvent(name, JSON.parse(data.join("\n")));
    }
  }
}

function setBusy(busy) {
  $("send").disabled = busy;
  $("stop").hidden = !busy;
  $("question").readOnly = busy;
}

// ---- wiring ----

document.addEventListener("DOMContentLoaded", () => {
  const key = $("api-key");
  key.value = apiKey();
  $("key-state").textContent = apiKey() ? "Une clé est enregistrée." : "Aucune clé : requêtes anonymes.";
  $("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const value = key.value.trim();
    if (value) localStorage.setItem(KEY_STORAGE, value); else localStorage.removeItem(KEY_STORAGE);
    $("key-state").textContent = value ? "Clé enregistrée." : "Clé effacée : requêtes anonymes.";
  });

  const question = $("question");
  $("ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = question.value.trim();
    if (!text || running) return;
    question.value = "";
    ask(text);
  });
  question.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  $("stop").addEventListener("click", () => running && running.abort());
  $("reset").addEventListener("click", () => {
    conversation.length = 0;
    hidePassage();
    $("turns").replaceChildren();
  });
  $("passage-close").addEventListener("click", hidePassage);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hidePassage(); });
});
