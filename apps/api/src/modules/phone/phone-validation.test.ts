import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';

/** Each case: what a user typed, refused with 422 naming `phone`. */
const refused: [string, unknown][] = [
  ['garbage', '!!@@##'],
  ['too short', '+44 77'],
  ['letters', '+44 7700 9OO123'],
  ['a vanity number', '+1 800 FLOWERS'],
  ['an extension', '+44 7700 900123 ext 5'],
  ['national format without + (country unknown)', '07700 900123'],
  ['digits with the country code but no +', '447700900123'],
  ['a UK landline', '+44 20 7946 0018'],
  ['a toll-free number', '+1 800 555 0199'],
  ['an unassigned country code', '+999 1234 5678'],
  ['too long for its country', '+44 7700 900123 999'],
  ['40 characters', '+44 7700 900123 7700 900123 7700 900123 '],
  ['empty', ''],
  ['blank', '    '],
  ['a number instead of a string', 447700900123],
  ['null', null],
];

describe('phone number validation', () => {
  for (const [name, phone] of refused) {
    test(`refuses ${name} with 422 naming "phone", sending and storing nothing`, async (t) => {
      const { app } = await buildTestApp(t);
      const { auth } = await registerWithToken(app);
      const response = await app.inject({ method: 'POST', url: '/api/account/phone', headers: auth, payload: { phone } });
      assert.equal(response.statusCode, 422, response.body);
      const error = response.json().error;
      assert.ok(error.fields?.some((f: { field: string }) => f.field === 'phone'), JSON.stringify(error));
      assert.deepEqual((await app.inject({ method: 'GET', url: '/api/outbox', headers: auth })).json(), []);
      assert.equal((await app.inject({ method: 'GET', url: '/api/account/phone', headers: auth })).json().phone, null);
    });
  }

  test('a national number is refused with a message that says why', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    const response = await app.inject({ method: 'POST', url: '/api/account/phone', headers: auth, payload: { phone: '07700 900123' } });
    assert.match(response.json().error.fields[0].message, /country code.*\+44 7700 900123.*cannot tell which country/);
  });

  test('a missing phone field is 422 naming "phone"', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    const response = await app.inject({ method: 'POST', url: '/api/account/phone', headers: auth, payload: {} });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.fields[0].field, 'phone');
  });

  // What was typed, what is stored, and how it is shown.
  const accepted: [string, string, string][] = [
    ['+44 7700 900123', '+447700900123', '+44 7700 900123'],
    ['0044 7700 900123', '+447700900123', '+44 7700 900123'],
    ['+44 (0)7700-900123', '+447700900123', '+44 7700 900123'],
    ['+49 151 23456789', '+4915123456789', '+49 1512 3456789'],
    ['+33 6 12 34 56 78', '+33612345678', '+33 6 12 34 56 78'],
    ['+1 (415) 555-2671', '+14155552671', '+1 415 555 2671'],
    ['  +4915123456789  ', '+4915123456789', '+49 1512 3456789'],
  ];
  for (const [typed, e164, shown] of accepted) {
    test(`accepts "${typed}", stores ${e164} and shows ${shown}`, async (t) => {
      const { app } = await buildTestApp(t);
      const { auth } = await registerWithToken(app);
      const response = await app.inject({ method: 'POST', url: '/api/account/phone', headers: auth, payload: { phone: typed } });
      assert.equal(response.statusCode, 202, response.body);
      assert.deepEqual(response.json(), { phone: e164, verified: false, resend_after: 30, phone_display: shown, sms_outbox: true });
      const outbox = (await app.inject({ method: 'GET', url: '/api/outbox', headers: auth })).json();
      assert.equal(outbox[0].to, e164);
    });
  }
});
