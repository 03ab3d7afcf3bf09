// mint-tokens.mjs KEY COUNT — prints COUNT lines "ticket token" for the load benchmark: link
// tokens signed with KEY exactly as cleanslate-server mint signs them (HMAC-SHA256 over the
// base64url payload), without starting COUNT processes.
import { createHmac } from 'node:crypto';

const [key, count] = process.argv.slice(2);
const now = Math.floor(Date.now() / 1000);
const lines = [];
for (let i = 1; i <= Number(count); i++) {
  const ticket = `LOAD-${String(i).padStart(6, '0')}`;
  const payload = Buffer.from(JSON.stringify({ v: 1, ticket, iat: now - 60, exp: now + 14 * 86400, lang: 'nl',
    helpdesk: '088 123 4567', evidence: { tag: 'mirai', port: 23 } })).toString('base64url');
  const signature = createHmac('sha256', key).update(payload).digest('base64url');
  lines.push(`${ticket} ${payload}.${signature}`);
}
console.log(lines.join('\n'));
