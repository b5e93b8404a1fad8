/* The assistant as a chat bubble on any page of an allowed site, with one tag:
 *
 *   <script src="https://ASSISTANT/webhooks/web/widget.js" async></script>
 *
 * and, optionally on the same tag: data-language="fr" or "en" (default: the page's language,
 * else French), data-color="#000091" (the launcher's and the chat's accent colour),
 * data-assistant="https://ASSISTANT" (default: where this script came from).
 *
 * The launcher button lives in a shadow root (the host's styles do not reach it, nor its styles
 * the host). The chat itself is the assistant's own page, /webhooks/web/?embedded=1, in an iframe
 * inside a modal dialog: what the user types (the password included), the transcript and the
 * conversation id stay in the assistant's origin, out of reach of the host page's scripts, and
 * the page keeps its strict Content-Security-Policy. The host page learns only "opened",
 * "closed" and the chat's language, by postMessage between the two known origins.
 */
(function () {
  "use strict";

  var TEXTS = {
    fr: { launcher: "Créer votre espace professionnel : l'assistant",
          dialog: "Assistant de création de l'espace professionnel",
          frame: "Conversation avec l'assistant" },
    en: { launcher: "Create your professional account: the assistant",
          dialog: "Professional account creation assistant",
          frame: "Conversation with the assistant" }
  };
  var OPEN_KEY = "professional-account-chat.open";  // this tab only; nothing personal
  var LANGUAGE_KEY = "professional-account-chat.language";
  var DEFAULT_COLOR = "#000091";

  var script = document.currentScript;
  if (!script || window.professionalAccountChat) { return; }

  var assistant = new URL(script.getAttribute("data-assistant") || script.src, window.location.href).origin;
  var configured = (script.getAttribute("data-language") || document.documentElement.lang || "fr")
    .slice(0, 2).toLowerCase();
  var language = window.sessionStorage.getItem(LANGUAGE_KEY) || configured;
  if (!TEXTS[language]) { language = "fr"; }
  var asked = script.getAttribute("data-color") || "";
  var color = /^#[0-9a-fA-F]{6}$/.test(asked) ? asked : DEFAULT_COLOR;

  var STYLE = [
    ":host { all: initial; }",
    ".launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000;",
    "  display: inline-flex; align-items: center; gap: .5rem; min-height: 3rem; max-width: calc(100vw - 2rem);",
    "  padding: .625rem 1.125rem; border: 2px solid #fff; border-radius: 1.5rem; cursor: pointer;",
    "  font: bold 1rem/1.3 Marianne, Arial, sans-serif; color: #fff; background: var(--accent);",
    "  box-shadow: 0 2px 10px rgba(0, 0, 0, .35); }",
    ".launcher:focus-visible { outline: 3px solid #0a76f6; outline-offset: 3px; }",
    ".launcher svg { flex: none; width: 1.5rem; height: 1.5rem; }",
    "dialog { position: fixed; inset: auto 1rem 1rem auto; margin: 0; padding: 0; border: 0;",
    "  width: min(28rem, calc(100vw - 2rem)); height: min(42rem, calc(100vh - 2rem));",
    "  max-width: none; max-height: none; border-radius: .5rem; overflow: hidden; background: #fff;",
    "  box-shadow: 0 4px 24px rgba(0, 0, 0, .45); }",
    "dialog::backdrop { background: rgba(0, 0, 0, .25); }",
    "iframe { display: block; width: 100%; height: 100%; border: 0; }",
    "@media (max-width: 480px) { dialog { inset: 0; width: 100vw; height: 100vh; height: 100dvh;",
    "  border-radius: 0; } }"
  ].join("\n");

  var host = document.createElement("div");
  host.setAttribute("data-professional-account-chat", "");
  var root = host.attachShadow({ mode: "open" });
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
    var sheet = new CSSStyleSheet();  // not an inline <style>: allowed by strict host CSPs
    sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
  } else {
    var style = document.createElement("style");
    style.textContent = STYLE;
    root.appendChild(style);
  }
  host.style.setProperty("--accent", color);

  var launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = "launcher";
  launcher.setAttribute("aria-haspopup", "dialog");
  launcher.setAttribute("aria-expanded", "false");
  var icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("aria-hidden", "true");
  icon.setAttribute("focusable", "false");
  var bubble = document.createElementNS("http://www.w3.org/2000/svg", "path");
  bubble.setAttribute("fill", "currentColor");
  bubble.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z");
  icon.appendChild(bubble);
  var label = document.createElement("span");
  launcher.appendChild(icon);
  launcher.appendChild(label);

  var dialog = document.createElement("dialog");
  var frame = null;  // created at the first opening: no conversation for visitors who never open it

  root.appendChild(launcher);
  root.appendChild(dialog);

  function t(key) { return TEXTS[language][key]; }

  function applyLanguage(chosen) {
    if (!TEXTS[chosen]) { return; }
    language = chosen;
    window.sessionStorage.setItem(LANGUAGE_KEY, chosen);
    label.textContent = t("launcher");
    launcher.lang = chosen;
    dialog.setAttribute("aria-label", t("dialog"));
    dialog.lang = chosen;
    if (frame) { frame.title = t("frame"); }
  }

  function chatAddress() {
    var query = new URLSearchParams({ embedded: "1", lang: language, accent: color,
                                      host: window.location.origin });
    return assistant + "/webhooks/web/?" + query.toString();
  }

  function tell(message) {
    if (frame && frame.contentWindow) { frame.contentWindow.postMessage(message, assistant); }
  }

  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.title = t("frame");
      frame.src = chatAddress();
      frame.addEventListener("load", function () { tell({ type: "focus" }); });
      dialog.appendChild(frame);
    }
    if (!dialog.open) { dialog.showModal(); }
    launcher.setAttribute("aria-expanded", "true");
    window.sessionStorage.setItem(OPEN_KEY, "1");
    frame.focus();
    tell({ type: "focus" });
  }

  function close() {
    if (dialog.open) { dialog.close(); }
  }

  // However it closes (Escape on the dialog, the chat's own button or Escape inside it), the
  // focus goes back to the launcher.
  dialog.addEventListener("close", function () {
    launcher.setAttribute("aria-expanded", "false");
    window.sessionStorage.setItem(OPEN_KEY, "0");
    launcher.focus();
  });

  launcher.addEventListener("click", open);

  window.addEventListener("message", function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== assistant) { return; }
    var data = event.data || {};
    if (data.type === "close") { close(); }
    if (data.type === "language") { applyLanguage(data.language); }
  });

  function start() {
    document.body.appendChild(host);
    if (window.sessionStorage.getItem(OPEN_KEY) === "1") { open(); }  // open before a reload
  }

  applyLanguage(language);
  window.professionalAccountChat = { open: open, close: close };
  if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
}());
