// fingerprint-data.mjs — the fingerprint data that is not any one family's, validated against
// its schema and packed into the database for the engine (wasm/core/device_db.cpp):
//   devices/fingerprints/shared.json       software many makers build in -> "shared_software"
//                                           (every family fingerprint naming one is shared evidence)
//   devices/fingerprints/mac-vendors.json  IEEE MAC vendor prefixes per maker -> "mac_vendors"
//   import { loadSharedSoftware, loadMacVendors } from './fingerprint-data.mjs';
//   const { faults, packed } = loadSharedSoftware(root);   // faults: "file: field: problem"
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

// A data file checked against its schema: { data } or { faults }.
function readChecked(root, name) {
  const file = join(root, `devices/fingerprints/${name}.json`);
  const schema = JSON.parse(readFileSync(join(root, `devices/fingerprints/${name}.schema.json`), 'utf8'));
  let data;
  try { data = JSON.parse(readFileSync(file, 'utf8')); }
  catch (e) { return { file, faults: [`${file}: not valid JSON: ${e.message}`] }; }
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (!validate(data)) return { file, faults: validate.errors.map(err => `${file}: ${err.instancePath || '/'}: ${err.message}`) };
  return { file, data, faults: [] };
}

export function loadSharedSoftware(root) {
  const { file, data, faults } = readChecked(root, 'shared');
  if (!data) return { faults, packed: [] };
  const seen = new Map();
  data.software.forEach((entry, i) => entry.names.forEach(name => {
    const key = name.toLowerCase();
    if (seen.has(key)) faults.push(`${file}: /software/${i}/names: '${name}' also in /software/${seen.get(key)}`);
    seen.set(key, i);
  }));
  return { faults, packed: data.software.map(({ names, fields }) => ({ names, fields })) };
}

// makerIds: the maker ids the device files define; a prefix list for any other is a fault.
export function loadMacVendors(root, makerIds) {
  const { file, data, faults } = readChecked(root, 'mac-vendors');
  if (!data) return { faults, packed: {} };
  const packed = {};
  const owner = new Map();
  for (const [maker, { prefixes }] of Object.entries(data.makers)) {
    if (!makerIds.has(maker)) faults.push(`${file}: /makers/${maker}: no maker file devices/${maker}.json`);
    for (const prefix of prefixes) {
      if (owner.has(prefix)) faults.push(`${file}: /makers/${maker}: ${prefix} also listed for ${owner.get(prefix)}`);
      owner.set(prefix, maker);
    }
    packed[maker] = prefixes.map(p => p.replace(/:/g, ''));
  }
  return { faults, packed };
}
