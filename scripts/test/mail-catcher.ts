/**
 * A local SMTP catcher for the end-to-end tests: the portal sends real email over SMTP to it
 * (SMTP_URL), and tests read what arrived through a small JSON API. Test-only; loopback only.
 *
 *   SMTP  127.0.0.1:E2E_SMTP_PORT      (no TLS, no auth)
 *   HTTP  127.0.0.1:E2E_MAIL_API_PORT  GET /messages?to=<address>  GET /health
 */
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3125);
const apiPort = Number(process.env.E2E_MAIL_API_PORT ?? 3126);

type Caught = { to: string[]; subject: string; text: string; html: string; at: string };
const messages: Caught[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  size: 1024 * 1024,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        messages.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
          at: new Date().toISOString(),
        });
        // Bounded: a long run must not grow without end.
        if (messages.length > 5000) messages.splice(0, messages.length - 5000);
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(smtpPort, "127.0.0.1");

http
  .createServer((request, response) => {
    const url = new URL(request.url ?? "/", `http://127.0.0.1:${apiPort}`);
    if (url.pathname === "/health") return void response.end("ok");
    if (url.pathname === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      response.setHeader("content-type", "application/json");
      return void response.end(JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages));
    }
    response.statusCode = 404;
    response.end();
  })
  .listen(apiPort, "127.0.0.1");

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
