// Polls /status.json and renders it; text only (never innerHTML), so a fact cannot inject markup.
"use strict";
function text(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
function row(body, name, value, code) {
  const tr = document.createElement("tr");
  const th = document.createElement("th");
  th.textContent = name.replace(/_/g, " ");
  const td = document.createElement("td");
  if (code) {
    const c = document.createElement("code");
    c.textContent = text(value);
    td.appendChild(c);
  } else {
    td.textContent = text(value);
  }
  tr.append(th, td);
  body.appendChild(tr);
}
function usesSim(facts) {
  if (facts.sim === true) return true;
  const models = facts.models || facts.model || [];
  return [].concat(models).some(m => /(^|[#:])sim$/.test(String(m)));
}
async function poll() {
  try {
    const response = await fetch("status.json", { cache: "no-store" });
    const s = await response.json();
    document.getElementById("role").textContent = s.role;
    const health = document.getElementById("health");
    health.textContent = s.healthy ? s.status : (s.problem || s.status);
    health.className = "badge " + (s.healthy ? "ok" : "bad");
    document.getElementById("sim").hidden = !usesSim(s.facts || {});
    const body = document.querySelector("#facts tbody");
    body.replaceChildren();
    row(body, "hotkey", s.hotkey, true);
    for (const [name, value] of Object.entries(s.facts || {})) {
      row(body, name, value, typeof value === "string" && value.length > 40);
    }
    document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (e) {
    const health = document.getElementById("health");
    health.textContent = "unreachable";
    health.className = "badge bad";
  }
}
poll();
setInterval(poll, 2000);
