import request from 'supertest';
import { addUser, createTestApp, type TestContext } from '../support/app';

let ctx: TestContext;
let token: string;
beforeAll(() => {
  ctx = createTestApp();
  addUser(ctx, 'robot', 'planner');
  token = ctx.services.accounts.createApiToken({ userId: null, username: 'test', role: 'admin' }, 'robot', 'tests').token;
});
afterAll(() => ctx.close());

it('creates, reads, patches with If-Match and cancels a meeting through the API', async () => {
  const auth = { Authorization: `Bearer ${token}` };
  const forumId = ctx.demo!.forumId;
  const created = await request(ctx.app).post(`/api/v1/forums/${forumId}/meetings`).set(auth).send({ title: 'API meeting', kind: 'bilateral', status: 'tentative', start: '2019-06-06T10:00', end: '2019-06-06T10:30', roomId: ctx.demo!.rooms.bilateral2, participants: [{ personId: ctx.demo!.people.adviser, role: 'principal' }] });
  expect(created.status).toBe(201);
  expect(created.body.meeting).toMatchObject({ title: 'API meeting', start: '2019-06-06T10:00', timeZone: 'Europe/Moscow', startUtc: '2019-06-06T07:00:00Z', version: 1 });
  const id = created.body.meeting.id;
  const got = await request(ctx.app).get(`/api/v1/meetings/${id}`).set(auth);
  expect(got.headers.etag).toBe('"v1"');
  expect((await request(ctx.app).patch(`/api/v1/meetings/${id}`).set(auth).send({ title: 'x' })).status).toBe(428);
  expect((await request(ctx.app).patch(`/api/v1/meetings/${id}`).set(auth).set('If-Match', '"v9"').send({ title: 'x' })).status).toBe(412);
  const patched = await request(ctx.app).patch(`/api/v1/meetings/${id}`).set(auth).set('If-Match', '"v1"').send({ start: '2019-06-06T11:00', end: '2019-06-06T11:30' });
  expect(patched.status).toBe(200);
  expect(patched.body.meeting).toMatchObject({ start: '2019-06-06T11:00', sequence: 1, version: 2 });
  const cancelled = await request(ctx.app).post(`/api/v1/meetings/${id}/cancel`).set(auth);
  expect(cancelled.body.meeting.status).toBe('cancelled');
  const bad = await request(ctx.app).post(`/api/v1/forums/${forumId}/meetings`).set(auth).send({ title: '', kind: 'nope', status: 'confirmed', start: '2019-06-06T10:00', end: '2019-06-06T09:00' });
  expect(bad.status).toBe(422);
  expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['title', 'kind']));
});
