// The indexing status page: polls GET api/ingest/status every two seconds with the API key that the chat page keeps
// (a writer's or an admin's) and shows each folder sync or batch: files done out of the total, chunks, rates, time
// left and the files that failed, with their problem.
"use strict";

const KEY_STORAGE = "semsearch.apiKey";
const POLL_MS = 2000;
const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  const s = Math.round(seconds);
  return s < 60 ? s + " s" : Math.floor(s / 60) + " min " + (s % 60) + " s";
}

function count(n, noun) {
  return n + " " + noun + (n > 1 ? "s" : "");
}

function job(j) {
  const item = el("li", "job " + j.state);
  const kind = j.kind === "folder-sync" ? "Dossier " : "Lot de ";
  item.append(el("p", "job-title", kind + j.what));
  const bar = el("progress");
  bar.max = Math.max(j.filesTotal, 1);
  bar.value = j.filesDone;
  item.append(bar);
  const left = j.state === "running" ? " · reste environ " + duration(j.etaSeconds) : " · en " + duration(j.elapsedSeconds);
  item.append(el("p", "job-figures", j.filesDone + " / " + count(j.filesTotal, "fichier") + " · "
    + count(j.chunksDone, "passage") + " · " + j.filesPerSecond + " fichiers/s · " + j.chunksPerSecond + " passages/s"
    + left));
  if (j.filesFailed) {
    item.append(el("p", "job-failed", count(j.filesFailed, "fichier") + " en échec"));
    const failures = el("ul", "failures");
    for (const f of j.failures) {
      const line = el("li");
      line.append(el("code", null, f.source), document.createTextNode(" : " + f.problem));
      failures.append(line);
    }
    item.append(failures);
  }
  return item;
}

function show(list, jobs, empty) {
  list.replaceChildren(...(jobs.length ? jobs.map(job) : [el("li", "none", empty)]));
}

async function poll() {
  const key = localStorage.getItem(KEY_STORAGE) || "";
  try {
    const response = await fetch("api/ingest/status", {headers: key ? {"Authorization": "Bearer " + key} : {}});
    if (response.ok) {
      const status = await response.json();
      show($("running"), status.running, "Aucune indexation en cours.");
      show($("finished"), status.finished, "Aucune indexation terminée depuis le démarrage.");
      $("status-state").textContent = "Mis à jour à " + new Date().toLocaleTimeString("fr-FR");
    } else if (response.status === 401 || response.status === 403) {
      $("status-state").textContent = "Accès refusé : enregistrez une clé d’écriture sur la page des questions.";
    } else {
      $("status-state").textContent = "Erreur " + response.status;
    }
  } catch (e) {
    $("status-state").textContent = "Service injoignable.";
  }
  setTimeout(poll, POLL_MS);
}

poll();
