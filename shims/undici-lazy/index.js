'use strict';
// @actions/http-client (and so @actions/core) imports undici at start-up for ProxyAgent
// and fetch, which this action needs only when it talks to GitHub's API. Evaluating
// undici costs about 45 ms on every run; this module defers it to first use (the
// bundler keeps a require() inside a function as a module evaluated on first call).
// It exports the names its consumers import; a consumer importing another name fails
// at link time (loudly, in the tests), never at random later.
let undici;
const load = () => (undici ??= require('undici-impl'));

exports.ProxyAgent = class ProxyAgent {
  constructor(...args) {
    return new (load().ProxyAgent)(...args);
  }
};

exports.Agent = class Agent {
  constructor(...args) {
    return new (load().Agent)(...args);
  }
};

exports.fetch = function fetch(...args) {
  return load().fetch(...args);
};
