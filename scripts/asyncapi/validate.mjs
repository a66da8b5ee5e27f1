// Validates AsyncAPI documents with the reference parser (@asyncapi/parser).
//
//   node scripts/asyncapi/validate.mjs FILE...
//
// Prints one JSON line per file: {"file": ..., "valid": bool, "errors": [...], "warnings": [...]}.
// Exit code 0 when every file is valid (no diagnostic of severity 0, "error"), 1 otherwise, 2 on misuse.
import { readFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.mjs FILE...');
  process.exit(2);
}

const parser = new Parser();
let allValid = true;
for (const file of files) {
  const text = await readFile(file, 'utf8');
  const { document, diagnostics } = await parser.parse(text);
  const describe = (d) => ({ code: d.code, message: d.message, path: (d.path ?? []).join('/') });
  const errors = diagnostics.filter((d) => d.severity === 0).map(describe);
  const warnings = diagnostics.filter((d) => d.severity !== 0).map(describe);
  const valid = document !== undefined && errors.length === 0;
  allValid &&= valid;
  console.log(JSON.stringify({ file, valid, version: document?.version() ?? null, errors, warnings }));
}
process.exit(allValid ? 0 : 1);
