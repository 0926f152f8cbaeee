'use strict';
// @actions/http-client (and so @actions/core) imports undici at start-up for ProxyAgent
// and fetch, which this action needs only when it talks to GitHub's API. Compiling and
// evaluating undici cost about 60 ms on every run. This module stands in for it: the
// real undici is loaded by `preload()`, a dynamic import that the bundler puts in a
// chunk of its own, which the GitHub path awaits before it creates Octokit.
// Using an export before `preload()` throws, loudly, instead of working by accident.
// It exports the names its consumers import; a consumer importing another name fails
// at link time (in the tests), never at random later.
let undici;

function load() {
  if (undici === undefined) throw new Error("undici is loaded on demand: await require('undici').preload() before using it");
  return undici;
}

exports.preload = async function preload() {
  if (undici === undefined) {
    const loaded = await import('undici-impl');
    undici = loaded.default ?? loaded;
  }
  return undici;
};

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
