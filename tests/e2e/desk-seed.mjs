// desk-seed.mjs — seeds a test server's database the way an abuse desk fills it: feed rows
// through `cleanslate-desk import-feed`, e-mails through `notify`, quiet cases through
// `verify`, and the wizard's reports through the real collector (POST /api/report).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

export const DESK = join(ROOT, 'build/native/cleanslate-desk');
const HEADER = 'timestamp,ip,port,tag,infection,device_vendor,device_type,device_model,http_server,http_title,' +
  'telnet_banner,credential,customer,ticket,email,language\n';

const feedTime = unix => new Date(unix * 1000).toISOString().replace('T', ' ').slice(0, 19);

// A feed row: the customer's connection (and the provider's case number for it) seen at `at`.
export const sighting = ({ customer, ticket = '', lang = 'nl', at }) =>
  `${feedTime(at)},198.51.100.23,23,mirai,mirai,XiongMai,DVR,,uc-httpd 1.0.0,NETSurveillance WEB,,root/xc3511,${customer},${ticket},,${lang}\n`;

export function importFeed(server, rows) {
  const dir = mkdtempSync(join(tmpdir(), 'cleanslate-feed-'));
  const file = join(dir, 'feed.csv');
  writeFileSync(file, HEADER + rows.join(''));
  return execFileSync(DESK, ['import-feed', file, '--database', server.database, '--no-progress'], { encoding: 'utf8' });
}

export const verify = (server, days) =>
  execFileSync(DESK, ['verify', '--quiet-days', String(days), '--database', server.database], { encoding: 'utf8' });

export function notify(server) {
  const out = mkdtempSync(join(tmpdir(), 'cleanslate-mail-'));
  return execFileSync(DESK, ['notify', '--out', out, '--database', server.database, '--from', 'Abuse Desk <abuse@example.net>',
    '--helpdesk', '088 123 4567', '--base-url', server.base, '--link-key-file', server.keyFile], { encoding: 'utf8' });
}

export const tokenOf = link => link.split('#t=')[1];

// The schema's example final report (remediated, consent given, two things said), for this case.
export function finalReport(ticket, token, reportId, changes = {}) {
  const report = JSON.parse(readFileSync(join(ROOT, 'web/schemas/examples/final.json'), 'utf8'));
  delete report.callback;
  return { ...report, ticket, token, report_id: reportId, ...changes };
}
export function progressReport(ticket, token, reportId, changes = {}) {
  const report = JSON.parse(readFileSync(join(ROOT, 'web/schemas/examples/progress.json'), 'utf8'));
  delete report.callback;
  return { ...report, ticket, token, report_id: reportId, sequence: 1, outcome: 'none', ...changes };
}

export async function postReport(server, report) {
  const answer = await fetch(`${server.base}/api/report`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(report) });
  if (answer.status !== 201) throw new Error(`report for ${report.ticket}: ${answer.status} ${await answer.text()}`);
}

export async function linkVerdict(server, token) {
  const answer = await fetch(`${server.base}/api/link/verify`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
  return answer.json();
}

// One number from the server's SQLite file, read by Python's own sqlite3 module (Node 20 has none).
export function countInDatabase(server, sql) {
  return Number(execFileSync('/usr/bin/python3', ['-c',
    'import sqlite3, sys; print(sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True).execute(sys.argv[2]).fetchone()[0])',
    server.database, sql], { encoding: 'utf8' }).trim());
}

// The first helpdesk login the server printed on its first start.
export function helpdeskPassword(server) {
  return server.log().match(/First helpdesk login .*password (\S+)/)[1];
}
