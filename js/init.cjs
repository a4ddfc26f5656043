"use strict";
// `require("intake-rules/init")`: node.cjs plus an init() that resolves at once (the module is
// instantiated on require), for code shared with browsers.
const api = require("./node.cjs");

for (const [name, value] of Object.entries(api)) exports[name] = value;
exports.init = function init(_source) {
  return Promise.resolve();
};
exports.default = exports.init;
