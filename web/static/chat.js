/* The web chat: a small client of Rasa's socket.io channel.
 *
 * The same page is the full-page chat (/webhooks/web/) and the widget's chat, in the iframe that
 * web/static/widget.js opens on a host page (?embedded=1&host=<its origin>&accent=<colour>): then
 * it has a close button, Escape closes it, and it tells the host page its language; nothing else
 * leaves it.
 *
 * Kept in sessionStorage (this tab only, gone when it closes): the conversation id, the
 * transcript as shown (a masked answer is stored as dots, never as typed), and whether the
 * assistant is waiting for a secret. Nothing is built from HTML strings: text goes in as text.
 */
(function () {
  "use strict";

  var TEXTS = {
    fr: {
      pageTitle: "Créer votre espace professionnel (mode expert)",
      service: "impots.gouv.fr — Votre espace professionnel",
      title: "Créer votre espace professionnel (mode expert)",
      newConversation: "Nouvelle conversation",
      close: "Fermer",
      conversation: "Conversation avec l'assistant",
      messageLabel: "Votre message",
      secretLabel: "Votre mot de passe (masqué)",
      messageHint: "Appuyez sur Entrée pour envoyer.",
      secretHint: "Ce que vous tapez reste masqué et n'apparaîtra pas dans la conversation.",
      send: "Envoyer",
      switchTo: "English", switchLang: "en",
      assistant: "L'assistant : ", you: "Vous : ",
      masked: "mot de passe masqué",
      choices: "Réponses proposées",
      captchaAlt: "Image CAPTCHA : 6 caractères à recopier. Une version audio est proposée.",
      captchaSpent: "(image utilisée ou expirée)",
      typing: "L'assistant rédige sa réponse…",
      connecting: "Connexion à l'assistant…",
      disconnected: "Connexion perdue : nouvelle tentative en cours. Ce que vous avez saisi est conservé.",
      linkExpired: "Ce lien n'est plus valable : il expire peu après l'activation et ne fonctionne que dans sa conversation.",
      downloaded: "Récapitulatif téléchargé."
    },
    en: {
      pageTitle: "Create your professional account (expert mode)",
      service: "impots.gouv.fr — Your professional account",
      title: "Create your professional account (expert mode)",
      newConversation: "New conversation",
      close: "Close",
      conversation: "Conversation with the assistant",
      messageLabel: "Your message",
      secretLabel: "Your password (hidden)",
      messageHint: "Press Enter to send.",
      secretHint: "What you type stays hidden and will not appear in the conversation.",
      send: "Send",
      switchTo: "Français", switchLang: "fr",
      assistant: "Assistant: ", you: "You: ",
      masked: "hidden password",
      choices: "Suggested answers",
      captchaAlt: "CAPTCHA image: 6 characters to type. An audio version is offered.",
      captchaSpent: "(image used or expired)",
      typing: "The assistant is writing…",
      connecting: "Connecting to the assistant…",
      disconnected: "Connection lost: trying again. What you typed is kept.",
      linkExpired: "This link is no longer valid: it expires shortly after activation and only works in its own conversation.",
      downloaded: "Summary downloaded."
    }
  };
  var KEYS = { session: "chat.session", transcript: "chat.transcript", secret: "chat.secret",
               language: "chat.language" };
  var MASK = "••••••••";
  var OWN_ROUTES = "/webhooks/web/";
  var SUMMARY_ROUTE = OWN_ROUTES + "summary/";

  var transcript = document.getElementById("transcript");
  var status = document.getElementById("status");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var label = document.getElementById("message-label");
  var hint = document.getElementById("message-hint");
  var languageSwitch = document.getElementById("language-switch");
  var newConversation = document.getElementById("new-conversation");
  var closeChat = document.getElementById("close-chat");

  // A browser that blocks the storage of a page framed by another site (third-party storage)
  // throws on any access: the chat then keeps its state in memory (lost on reload, nothing
  // else changes).
  function storage(kind) {
    try {
      var found = window[kind];
      found.getItem(KEYS.session);
      return found;
    } catch (error) {
      var values = {};
      return {
        getItem: function (key) { return key in values ? values[key] : null; },
        setItem: function (key, value) { values[key] = String(value); },
        removeItem: function (key) { delete values[key]; }
      };
    }
  }

  // Embedded in a host page by the widget: its origin, to talk to it and to nobody else.
  var query = new URLSearchParams(window.location.search);
  var embedded = query.get("embedded") === "1" && window.parent !== window;
  var hostOrigin = embedded ? originOf(query.get("host")) : null;
  var accent = query.get("accent");

  function originOf(address) {
    try {
      var origin = new URL(address).origin;
      return /^https?:/.test(origin) ? origin : null;
    } catch (error) {
      return null;
    }
  }

  function tellHost(message) {
    if (hostOrigin) { window.parent.postMessage(message, hostOrigin); }
  }

  var session = storage("sessionStorage");
  var preferences = storage("localStorage");
  var sessionId = session.getItem(KEYS.session);
  var entries = JSON.parse(session.getItem(KEYS.transcript) || "[]");
  var secretExpected = session.getItem(KEYS.secret) === "1";
  var language = chosenLanguage();
  var lastBotEntry = null;

  function chosenLanguage() {
    var asked = new URLSearchParams(window.location.search).get("lang");
    var stored = preferences.getItem(KEYS.language);
    var candidate = asked || stored || "fr";
    return TEXTS[candidate] ? candidate : "fr";
  }

  function t(key) { return TEXTS[language][key]; }

  // Page language ---------------------------------------------------------------------------

  function applyLanguage(chosen) {
    language = chosen;
    preferences.setItem(KEYS.language, chosen);
    document.documentElement.lang = chosen;
    document.title = t("pageTitle");
    document.querySelectorAll("[data-text]").forEach(function (node) {
      node.textContent = t(node.getAttribute("data-text"));
    });
    languageSwitch.textContent = t("switchTo");
    languageSwitch.lang = t("switchLang");
    renderInputMode();
    tellHost({ type: "language", language: chosen });
  }

  // The input: masked while the assistant waits for a password ------------------------------

  function setSecretExpected(expected) {
    secretExpected = expected;
    session.setItem(KEYS.secret, expected ? "1" : "0");
    renderInputMode();
  }

  function renderInputMode() {
    input.type = secretExpected ? "password" : "text";
    input.autocomplete = secretExpected ? "new-password" : "off";
    label.textContent = t(secretExpected ? "secretLabel" : "messageLabel");
    hint.textContent = t(secretExpected ? "secretHint" : "messageHint");
  }

  // Transcript ------------------------------------------------------------------------------

  function save() {
    session.setItem(KEYS.transcript, JSON.stringify(entries.slice(-300), function (key, value) {
      return key === "node" ? undefined : value;  // DOM nodes are rebuilt, not stored
    }));
  }

  function ownPath(url) {
    // Links to our own routes are followed on this origin (same-origin fetch, strict CSP).
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.pathname.indexOf(OWN_ROUTES) === 0 ? parsed.pathname : null;
    } catch (error) {
      return null;
    }
  }

  function linkNode(title, url) {
    var path = ownPath(url);
    if (path && /\.wav$/.test(path)) {
      var player = document.createElement("audio");
      player.controls = true;
      player.preload = "none";
      player.src = path;
      player.setAttribute("aria-label", title);
      return player;
    }
    var link = document.createElement("a");
    link.textContent = title;
    if (path && path.indexOf(SUMMARY_ROUTE) === 0) {
      link.href = path;
      link.className = "summary-download";
      link.addEventListener("click", downloadSummary);
    } else {
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    }
    return link;
  }

  // [title](url) links and bare addresses; everything else is plain text.
  var LINKS = /\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>«»"]+[^\s<>«»".,;:!?)])/g;

  // Returns the audio players found, for the caller to place after the CAPTCHA image.
  function appendFormatted(parent, text) {
    var players = [];
    text.split("\n").forEach(function (line) {
      if (!line.trim()) { return; }
      var paragraph = document.createElement("p");
      var position = 0;
      line.replace(LINKS, function (match, title, url, bare, offset) {
        paragraph.appendChild(document.createTextNode(line.slice(position, offset)));
        var node = linkNode(title || bare, url || bare);
        if (node.tagName === "AUDIO") { players.push(node); } else { paragraph.appendChild(node); }
        position = offset + match.length;
        return match;
      });
      paragraph.appendChild(document.createTextNode(line.slice(position)));
      if (paragraph.textContent.trim()) { parent.appendChild(paragraph); }
    });
    return players;
  }

  function speaker(who) {
    var prefix = document.createElement("span");
    prefix.className = "visually-hidden";
    prefix.textContent = t(who === "user" ? "you" : "assistant");
    return prefix;
  }

  function renderEntry(entry) {
    var node = document.createElement("div");
    node.className = "message " + entry.who + (entry.masked ? " masked" : "");
    node.appendChild(speaker(entry.who));
    if (entry.masked) {
      var dots = document.createElement("span");
      dots.textContent = MASK;
      dots.setAttribute("aria-hidden", "true");
      var said = document.createElement("span");
      said.className = "visually-hidden";
      said.textContent = t("masked");
      node.appendChild(dots);
      node.appendChild(said);
    } else if (entry.who === "user") {
      node.appendChild(document.createTextNode(entry.text));
    }
    var players = entry.who === "bot" ? appendFormatted(node, entry.text || "") : [];
    if (entry.image) {
      var image = document.createElement("img");
      image.className = "captcha";
      image.alt = t("captchaAlt");
      image.src = ownPath(entry.image) || entry.image;
      image.addEventListener("error", function () {
        image.replaceWith(document.createTextNode(t("captchaSpent")));
      });
      image.addEventListener("load", scrollToEnd);
      node.appendChild(image);
    }
    players.forEach(function (player) { node.appendChild(player); });
    if (entry.buttons && entry.buttons.length) {
      var choices = document.createElement("div");
      choices.className = "choices";
      choices.setAttribute("role", "group");
      choices.setAttribute("aria-label", t("choices"));
      entry.buttons.forEach(function (button) {
        var choice = document.createElement("button");
        choice.type = "button";
        choice.textContent = button.title;
        choice.disabled = Boolean(entry.answered);
        choice.addEventListener("click", function () {
          sendMessage(button.payload, button.title);
          input.focus();
        });
        choices.appendChild(choice);
      });
      node.appendChild(choices);
    }
    entry.node = node;
    return node;
  }

  function scrollToEnd() {
    transcript.scrollTop = transcript.scrollHeight;
  }

  function show(entry) {
    transcript.appendChild(renderEntry(entry));
    scrollToEnd();
  }

  function record(entry) {
    entries.push(entry);
    show(entry);
    save();
  }

  function rerender(entry) {
    var old = entry.node;
    old.replaceWith(renderEntry(entry));
    save();
  }

  function closeChoices() {
    entries.forEach(function (entry) {
      if (entry.buttons && entry.buttons.length && !entry.answered) {
        entry.answered = true;
        entry.node.querySelectorAll(".choices button").forEach(function (b) { b.disabled = true; });
      }
    });
  }

  // Talking to the assistant ----------------------------------------------------------------

  // WebSocket first (rasa_patches/websocket_receive.py makes Rasa's server receive on it), long
  // polling where it cannot open (a proxy refusing the upgrade): with tryAllTransports the same
  // connection attempt goes on with polling. A browser without WebSocket goes straight to polling.
  var socket = window.io({
    transports: "WebSocket" in window ? ["websocket", "polling"] : ["polling"],
    tryAllTransports: true
  });
  var chat = document.querySelector("main.chat");

  // The transport in use, on the chat element (for support, and the browser tests).
  function showTransport(name) { chat.setAttribute("data-transport", name); }

  function emit(message) {
    socket.emit("user_uttered", { message: message, session_id: sessionId,
                                  metadata: { language: language } });
  }

  function sendMessage(message, shown) {
    if (!sessionId || !message) { return; }
    closeChoices();
    if (secretExpected) {
      record({ who: "user", masked: true });
      setSecretExpected(false);
    } else {
      record({ who: "user", text: shown || message });
    }
    lastBotEntry = null;
    status.textContent = t("typing");
    emit(message);
  }

  function receive(message) {
    status.textContent = "";
    if (message.input === "secret") {
      setSecretExpected(true);
      input.focus();
      return;
    }
    if (message.language && TEXTS[message.language]) {
      applyLanguage(message.language);
      return;
    }
    var image = message.attachment && message.attachment.type === "image" &&
                message.attachment.payload && message.attachment.payload.src;
    if (image && lastBotEntry && !lastBotEntry.image) {
      lastBotEntry.image = image;  // the CAPTCHA image goes with the text that asks for it
      rerender(lastBotEntry);
      scrollToEnd();
      return;
    }
    var entry = { who: "bot", text: message.text || "", image: image || null,
                  buttons: (message.quick_replies || []).map(function (reply) {
                    return { title: reply.title, payload: reply.payload };
                  }) };
    record(entry);
    lastBotEntry = entry;
  }

  function downloadSummary(event) {
    event.preventDefault();
    var link = event.currentTarget;
    // The conversation id proves the link is used in its own conversation.
    fetch(link.getAttribute("href"), { headers: { "X-Conversation-Id": sessionId } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        var disposition = response.headers.get("Content-Disposition") || "";
        var name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || "recapitulatif.pdf";
        return response.blob().then(function (blob) { return { blob: blob, name: name }; });
      })
      .then(function (file) {
        var url = URL.createObjectURL(file.blob);
        var save = document.createElement("a");
        save.href = url;
        save.download = file.name;
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        status.textContent = t("downloaded");
      })
      .catch(function () { status.textContent = t("linkExpired"); });
  }

  socket.on("connect", function () {
    var engine = socket.io.engine;  // a new one at each reconnection
    showTransport(engine.transport.name);
    engine.once("upgrade", function (transport) { showTransport(transport.name); });
    status.textContent = "";
    socket.emit("session_request", { session_id: sessionId });
  });
  socket.on("session_confirm", function (confirmed) {
    var id = typeof confirmed === "string" ? confirmed : confirmed && confirmed.session_id;
    if (!id) { return; }
    sessionId = id;
    session.setItem(KEYS.session, id);
    if (!entries.length) {
      emit("/greet");  // a new conversation opens with the assistant's greeting
    }
  });
  socket.on("bot_uttered", receive);
  socket.on("disconnect", function () { status.textContent = t("disconnected"); });
  socket.on("connect_error", function () { status.textContent = t("disconnected"); });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    input.value = "";
    if (text) { sendMessage(text); }
    input.focus();
  });

  languageSwitch.addEventListener("click", function () {
    applyLanguage(t("switchLang"));
    if (sessionId && entries.length) {
      emit("/switch_language");  // the assistant follows, and repeats its question
      status.textContent = t("typing");
    }
  });

  newConversation.addEventListener("click", function () {
    [KEYS.session, KEYS.transcript, KEYS.secret].forEach(function (key) { session.removeItem(key); });
    window.location.reload();
  });

  window.addEventListener("resize", scrollToEnd);  // the latest message stays in view

  if (embedded) {
    document.documentElement.classList.add("embedded");
    if (accent && /^#[0-9a-fA-F]{6}$/.test(accent)) {
      document.documentElement.style.setProperty("--accent", accent);
      document.documentElement.style.setProperty("--accent-hover", accent);
    }
    closeChat.hidden = !hostOrigin;
    closeChat.addEventListener("click", function () { tellHost({ type: "close" }); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { tellHost({ type: "close" }); }
    });
    window.addEventListener("message", function (event) {
      if (event.source !== window.parent || event.origin !== hostOrigin) { return; }
      if (event.data && event.data.type === "focus") { input.focus(); }
    });
  }

  // Start -----------------------------------------------------------------------------------
  applyLanguage(language);
  entries.forEach(show);
  status.textContent = t("connecting");
  input.focus();
}());
