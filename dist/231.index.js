export const id = 231;
export const ids = [231];
export const modules = {

/***/ 5231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  describeTarget: () => (/* binding */ describeTarget),
  writeActionsSecret: () => (/* binding */ writeActionsSecret)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/@noble/ciphers/salsa.js + 3 modules
var salsa = __webpack_require__(6382);
// EXTERNAL MODULE: ./node_modules/@noble/curves/ed25519.js + 7 modules
var ed25519 = __webpack_require__(6543);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/blake2.js + 1 modules
var blake2 = __webpack_require__(2149);
;// CONCATENATED MODULE: ./src/sealed-box.ts
/**
 * libsodium's `crypto_box_seal`, which GitHub requires for Actions secrets: an
 * ephemeral X25519 key pair, nonce = BLAKE2b-192(ephemeral public key ‖ recipient
 * public key), then `crypto_box` (XSalsa20-Poly1305 under the HSalsa20-derived
 * shared key). Output: ephemeral public key ‖ tag ‖ ciphertext.
 * Built on @noble (audited, maintained, pure JS); checked in tests against tweetnacl.
 */



/** "expand 32-byte k", the Salsa20 constant, as little-endian words. */
const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
function sealedBox(message, recipientPublicKey) {
    if (recipientPublicKey.length !== 32)
        throw new Error(`a sealed box needs a 32-byte X25519 public key, got ${recipientPublicKey.length} bytes`);
    const ephemeral = ed25519/* x25519 */.TU.keygen();
    const nonce = (0,blake2/* blake2b */.Sx)(concat(ephemeral.publicKey, recipientPublicKey), { dkLen: 24 });
    const key = boxKey(ed25519/* x25519 */.TU.getSharedSecret(ephemeral.secretKey, recipientPublicKey));
    return concat(ephemeral.publicKey, (0,salsa/* xsalsa20poly1305 */.uT)(key, nonce).encrypt(message));
}
/** `crypto_box_beforenm`: HSalsa20 of the X25519 shared secret with a zero nonce. */
function boxKey(shared) {
    const out = new Uint32Array(8);
    (0,salsa/* hsalsa */.bD)(SIGMA, words(shared), new Uint32Array(4), out);
    const key = new Uint8Array(32);
    const view = new DataView(key.buffer);
    out.forEach((word, i) => {
        view.setUint32(i * 4, word, true);
    });
    return key;
}
function words(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}
function concat(a, b) {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
}

;// CONCATENATED MODULE: ./src/github-secrets.ts
/**
 * Writes a GitHub Actions secret (repository or environment) through Octokit:
 * fetch the public key, seal the value with it, create or update the secret.
 * Loaded with a dynamic import only when `secret-name` is set: Octokit costs
 * start-up time that other runs should not pay.
 */



async function writeActionsSecret(target, value, userAgent) {
    const octokit = (0,github/* getOctokit */.Q)(target.githubToken, { baseUrl: target.apiUrl, userAgent });
    const { owner, repo, environment, name } = target;
    const where = describeTarget(target);
    const scope = environment === undefined ? '/repos/{owner}/{repo}/actions/secrets' : '/repos/{owner}/{repo}/environments/{environment_name}/secrets';
    const params = { owner, repo, ...(environment === undefined ? {} : { environment_name: environment }) };
    try {
        const { data } = await octokit.request(`GET ${scope}/public-key`, params);
        const { key, key_id: keyId } = data;
        if (typeof key !== 'string' || typeof keyId !== 'string')
            throw new Error('the public-key answer has no key or key_id');
        const sealed = sealedBox(new TextEncoder().encode(value), Buffer.from(key, 'base64'));
        await octokit.request(`PUT ${scope}/{secret_name}`, {
            ...params,
            secret_name: name,
            encrypted_value: Buffer.from(sealed).toString('base64'),
            key_id: keyId
        });
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`GitHub did not store the key as ${where}: ${explain(error, target)}`);
    }
}
function describeTarget(target) {
    const repository = `${target.owner}/${target.repo}`;
    return target.environment === undefined
        ? `repository secret ${target.name} in ${repository}`
        : `environment secret ${target.name} of environment '${target.environment}' in ${repository}`;
}
/** GitHub's reason, and the permission that is likely missing. */
function explain(error, target) {
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const permission = target.environment === undefined
        ? "'github-token' needs the repository permission \"Secrets: write\" (a fine-grained token or GitHub App token; the workflow's GITHUB_TOKEN cannot write secrets)"
        : "'github-token' needs the repository permission \"Environments: write\" (a fine-grained token or GitHub App token; the workflow's GITHUB_TOKEN cannot write secrets)";
    switch (status) {
        case undefined:
            return `${message}. Check GITHUB_API_URL (${target.apiUrl}) and the runner's network.`;
        case 401:
            return `HTTP 401 (${message}): 'github-token' is not a valid token.`;
        case 403:
            return `HTTP 403 (${message}): ${permission}.`;
        case 404:
            return target.environment === undefined
                ? `HTTP 404 (${message}): repository ${target.owner}/${target.repo} does not exist or the token cannot see it; ${permission}.`
                : `HTTP 404 (${message}): environment '${target.environment}' or repository ${target.owner}/${target.repo} does not exist, or the token cannot see it; ${permission}.`;
        default:
            return `HTTP ${status} (${message}).`;
    }
}


/***/ })

};
