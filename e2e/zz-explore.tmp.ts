import { startSmtp } from '/work/main/server/src/test/smtp';
import { startServer } from '/work/main/e2e/support/server';
const smtp = await startSmtp();
const t0 = Date.now();
const server = await startServer({ env: { SMTP_URL: smtp.url } });
console.log('ready in', (Date.now() - t0) / 1000, server.url);





for (let i = 0; i < 36; i++) { await new Promise((r) => setTimeout(r, 15000)); console.log('inbox', (Date.now() - t0) / 1000, smtp.inbox.length); }
await server.stop(); await smtp.close();
