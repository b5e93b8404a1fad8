/* A socket.io client of the Rasa server's socket.io channel, as any program would write one: the
 * socket.io-client library the web chat uses (web/node_modules), run by Node, with the transports
 * it is given. tests/conversation/test_socketio_clients.py drives it.
 *
 * Usage: node socketio_client.js <server url> <transport>[,<transport>...] <session id>
 * stdin: one JSON object a line, {"message": "...", "metadata": {...}}, sent as `user_uttered`
 *   (after the session is confirmed: the caller waits for `session_confirm`). End of input closes
 *   the connection.
 * stdout: one JSON object a line, in order:
 *   {"event": "open", "transport": "polling"}          engine.io connected, through that transport
 *   {"event": "connect", "transport": "websocket"}     socket.io connected, the transport then
 *   {"event": "session_confirm", "session_id": "..."}
 *   {"event": "bot_uttered", "message": {...}}          each message of the assistant
 *   {"event": "upgrade", "transport": "..."}            the connection changed transport
 *   {"event": "connect_error", "error": "..."}, {"event": "disconnect", "reason": "..."}
 *   {"event": "closed", "transport": "..."}             at the end of input, the transport then
 */
"use strict";

const path = require("path");
const readline = require("readline");
const { io } = require(path.join(__dirname, "..", "..", "web", "node_modules", "socket.io-client"));

const [url, transports, sessionId] = process.argv.slice(2);

function print(event) {
  process.stdout.write(JSON.stringify(event) + "\n");
}

function transportName() {
  return socket.io.engine && socket.io.engine.transport ? socket.io.engine.transport.name : null;
}

const socket = io(url, {
  path: "/socket.io",
  transports: transports.split(","),
  reconnection: false,  // a lost connection is a failure here, not something to hide
  timeout: 20000,
});

socket.io.on("open", () => {  // the engine.io connection, before socket.io's own
  print({ event: "open", transport: transportName() });
  socket.io.engine.on("upgrade", (transport) => print({ event: "upgrade", transport: transport.name }));
});
socket.on("connect", () => {
  print({ event: "connect", transport: transportName() });
  socket.emit("session_request", { session_id: sessionId });
});
socket.on("session_confirm", (confirmed) => print({ event: "session_confirm", session_id: confirmed }));
socket.on("bot_uttered", (message) => print({ event: "bot_uttered", message: message }));
socket.on("connect_error", (error) =>
  print({ event: "connect_error", error: String((error && error.message) || error) }));
socket.on("disconnect", (reason) => print({ event: "disconnect", reason: reason }));

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (!line.trim()) { return; }
  const said = JSON.parse(line);
  socket.emit("user_uttered", { message: said.message, session_id: sessionId,
                                metadata: said.metadata || {} });
});
lines.on("close", () => {
  print({ event: "closed", transport: transportName() });
  socket.close();
  setTimeout(() => process.exit(0), 200);  // a long poll under way would keep Node waiting
});
