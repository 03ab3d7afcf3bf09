// shared-software.mjs — the list of software built into many makers' devices
// (devices/fingerprints/shared.json), validated against its schema and packed into the
// database as "shared_software". The engine (wasm/core/device_db.cpp) counts every family
// fingerprint that names one of these as shared evidence, so the rule lives in one place.
//   import { loadSharedSoftware } from './shared-software.mjs';
//   const { faults, packed } = loadSharedSoftware(root);   // faults: "file: field: problem"
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

export function loadSharedSoftware(root) {
  const file = join(root, 'devices/fingerprints/shared.json');
  const schema = JSON.parse(readFileSync(join(root, 'devices/fingerprints/shared.schema.json'), 'utf8'));
  let data;
  try { data = JSON.parse(readFileSync(file, 'utf8')); }
  catch (e) { return { faults: [`${file}: not valid JSON: ${e.message}`], packed: [] }; }
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (!validate(data))
    return { faults: validate.errors.map(err => `${file}: ${err.instancePath || '/'}: ${err.message}`), packed: [] };
  const faults = [];
  const seen = new Map();
  data.software.forEach((entry, i) => entry.names.forEach(name => {
    const key = name.toLowerCase();
    if (seen.has(key)) faults.push(`${file}: /software/${i}/names: '${name}' also in /software/${seen.get(key)}`);
    seen.set(key, i);
  }));
  return { faults, packed: data.software.map(({ names, fields }) => ({ names, fields })) };
}
