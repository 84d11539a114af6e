// Validates every document of the given YAML files against the schema kubeconform's
// -schema-location template {{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json finds in SCHEMA_DIR,
// with ajv in strict mode. Prints one JSON line per document: its file, index, apiVersion, kind, name, and
// status "valid", "invalid" (with ajv's errors) or "skipped" (no schema of that name). Exit 0 unless a
// schema fails to compile or a file fails to parse (exit 2).
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { parseAllDocuments } from "yaml";

const [schemaDir, ...files] = process.argv.slice(2);
if (!schemaDir || files.length === 0) {
  console.error("usage: node validate.mjs SCHEMA_DIR FILE...");
  process.exit(2);
}

const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
const compiled = new Map();
function validatorFor(path) {
  if (!compiled.has(path)) compiled.set(path, ajv.compile(JSON.parse(readFileSync(path, "utf8"))));
  return compiled.get(path);
}

for (const file of files) {
  const documents = parseAllDocuments(readFileSync(file, "utf8"), { version: "1.1" });
  documents.forEach((document, index) => {
    if (document.errors.length > 0) {
      console.error(`${file}: ${document.errors[0].message}`);
      process.exit(2);
    }
    const value = document.toJS();
    if (value === null || value === undefined) return;
    const apiVersion = String(value.apiVersion ?? "");
    const kind = String(value.kind ?? "");
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/", 2) : ["", apiVersion];
    const schemaPath = join(schemaDir, group, `${kind.toLowerCase()}_${version}.json`);
    const result = { file, index, apiVersion, kind, name: value.metadata?.name ?? null };
    if (group === "" || !existsSync(schemaPath)) {
      console.log(JSON.stringify({ ...result, status: "skipped" }));
      return;
    }
    const validate = validatorFor(schemaPath);
    if (validate(value)) {
      console.log(JSON.stringify({ ...result, status: "valid" }));
    } else {
      const errors = validate.errors.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, message: e.message }));
      console.log(JSON.stringify({ ...result, status: "invalid", errors }));
    }
  });
}
