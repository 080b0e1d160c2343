/** Known answers for the signing string and key handling, for anyone writing another device client. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TestDevice } from '../../../../../test-support/device-client.ts';
import { acceptPublicJwk, decodeCanonicalBase64url, publicKeyFromJwk, verifyP1363 } from './device-key.ts';
import { bodySha256, canonicalRequestString, decisionSigningString } from './request-signing.ts';

describe('the device signing string', () => {
  test('joins method, path with query, timestamp, nonce and body hash with newlines', () => {
    const body = '{"decision":"approve","signature":"abc"}';
    assert.equal(bodySha256(''), '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
    assert.equal(bodySha256(body), bodySha256(Buffer.from(body)));
    assert.equal(
      canonicalRequestString({
        method: 'get',
        pathWithQuery: '/api/device/approvals?page=2',
        timestamp: '1767225600000',
        nonce: 'bm9uY2Utbm9uY2Utbm9uY2U',
        bodySha256: bodySha256(''),
      }),
      'GET\n/api/device/approvals?page=2\n1767225600000\nbm9uY2Utbm9uY2Utbm9uY2U\n47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU',
    );
    assert.equal(decisionSigningString('f83a76b8', 'deny'), 'f83a76b8.deny');
  });

  test('a WebCrypto signature verifies on the server; one changed bit does not', async () => {
    const device = await TestDevice.create();
    const key = publicKeyFromJwk(acceptPublicJwk(device.publicJwk));
    const signature = await device.sign('hello');
    assert.equal(Buffer.from(signature, 'base64url').length, 64);
    assert.equal(verifyP1363(key, 'hello', signature), true);
    assert.equal(verifyP1363(key, 'hellO', signature), false);
    const flipped = Buffer.from(signature, 'base64url');
    flipped[10]! ^= 1;
    assert.equal(verifyP1363(key, 'hello', flipped.toString('base64url')), false);
    assert.equal(verifyP1363(key, 'hello', `${signature}=`), false);
  });

  test('a public key keeps only kty, crv, x and y', async () => {
    const { publicJwk } = await TestDevice.create();
    assert.deepEqual(acceptPublicJwk({ ...publicJwk, ext: true, key_ops: ['verify'], alg: 'ES256' }), publicJwk);
  });

  test('base64url is read only in its one canonical spelling', () => {
    assert.deepEqual(decodeCanonicalBase64url('AQID'), Buffer.from([1, 2, 3]));
    for (const bad of ['AQID=', 'AQ+D', 'AQ/D', 'AQ D', 'AR']) assert.equal(decodeCanonicalBase64url(bad), undefined, bad);
  });
});
