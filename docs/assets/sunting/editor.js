// The web editor (/sunting/): Decap CMS with the Indonesian phrases, the region files'
// own format (format.js: a save changes only the lines of what was changed) and the form
// the build generated from the schema (the page's #sc-editor-config).
import phrases from "./locale-id.js";
import { read, reconcile, write } from "./format.js";

const { missing, cms } = JSON.parse(document.getElementById("sc-editor-config").textContent);
// The file each region was read from, by its id: a save is reconciled with it.
const originals = new Map();

window.CMS.registerLocale("id", phrases);
window.CMS.registerCustomFormat("smartcity-yaml", "yml", {
  fromFile(text) {
    const data = read(text);
    if (typeof data.id === "string") originals.set(data.id, text);
    return data;
  },
  toFile(data) {
    const original = typeof data.id === "string" ? originals.get(data.id) : undefined;
    return original === undefined ? write(data) : reconcile(original, data);
  },
});

// Decap's local backend (`npx decap-server` beside a clone) serves only pages on this machine.
const local = ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);
// A test or a developer may run decap-server on another port: ?server=http://localhost:PORT/api/v1
const server = new URLSearchParams(location.search).get("server");
if (local && server && /^http:\/\/(localhost|127\.0\.0\.1):\d+\/api\/v1$/.test(server)) {
  cms.local_backend = { url: server };
}
if (missing.length && !local) {
  document.getElementById("sc-editor-missing").hidden = false;
} else {
  window.CMS.init({ config: cms });
}
