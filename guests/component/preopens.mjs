// Node --import module for jco 1.35.0 (see jco.sh). jco's bundled wasm-tools (jco-transpile/vendor/wasm-tools.js)
// runs on the preview2-shim copy nested under jco-transpile, which starts with no preopened directories, so
// `jco embed`, `types` and `guest-types` fail on every path ("failed to read path for WIT ... os error 44").
// Preopening the host root as "/" before jco runs lets it read absolute paths. This must import the exact copy of
// the shim that wasm-tools.js imports (the same module URL), or the preopens land in a different module instance.
import { _setPreopens } from './node_modules/@bytecodealliance/jco-transpile/node_modules/@bytecodealliance/preview2-shim/dist/nodejs/filesystem.js';

_setPreopens({ '/': '/' });
