// The client's own behaviour, with VS Code and the language client stubbed:
// where it looks for careplan, what it says when it finds none, and how it
// starts the server.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const test = require('node:test');

const shown = [];
const started = [];
const settings = { path: '', today: '', 'inlayHints.enable': true };
const stubs = {
  vscode: {
    workspace: {
      getConfiguration: () => ({ get: key => settings[key] }),
      workspaceFolders: undefined,
      createFileSystemWatcher: glob => ({ glob }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    window: { showErrorMessage: async message => { shown.push(message); } },
    commands: { executeCommand() {} },
  },
  'vscode-languageclient/node': {
    LanguageClient: class {
      constructor(id, name, server, client) {
        started.push({ server, client });
      }
      async start() {}
    },
  },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request in stubs ? stubs[request] : load.call(this, request, ...rest);
};
const extension = require('../extension.js');

const context = () => ({ subscriptions: [] });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-ext-'));
const bin = path.join(tmp, 'bin');
const empty = path.join(tmp, 'empty');
fs.mkdirSync(bin);
fs.mkdirSync(empty);
const careplan = path.join(bin, 'careplan');
fs.writeFileSync(careplan, '#!/bin/sh\n', { mode: 0o755 });
fs.writeFileSync(path.join(empty, 'careplan'), 'not a program', { mode: 0o644 });

test('finds careplan on PATH, past a file that is not executable', () => {
  const { found } = extension.findCareplan('', { PATH: [empty, bin].join(path.delimiter) });
  assert.equal(found, careplan);
});

test('the careplan.path setting wins, and a relative one is taken from the workspace folder', () => {
  assert.equal(extension.findCareplan(careplan, { PATH: '' }).found, careplan);
  assert.equal(extension.findCareplan('bin/careplan', { PATH: '' }, tmp).found, careplan);
});

test('when careplan is missing, the message says every folder it looked in', async () => {
  shown.length = 0;
  const saved = process.env.PATH;
  process.env.PATH = [empty, path.join(tmp, 'nowhere')].join(path.delimiter);
  try {
    await extension.activate(context());
  } finally {
    process.env.PATH = saved;
  }
  assert.equal(shown.length, 1);
  assert.match(shown[0], /careplan program was not found/);
  assert.ok(shown[0].includes(`the PATH folders ${empty}, ${path.join(tmp, 'nowhere')}`), shown[0]);
  assert.equal(started.length, 0);
});

test('a careplan.path that names nothing is reported with that path', async () => {
  shown.length = 0;
  settings.path = path.join(tmp, 'missing', 'careplan');
  try {
    await extension.activate(context());
  } finally {
    settings.path = '';
  }
  assert.ok(shown[0].includes(`the careplan.path setting, ${path.join(tmp, 'missing', 'careplan')}`), shown[0]);
});

test('starts `careplan lsp` with the pinned date, and drops inlay hints when they are off', async () => {
  settings.path = careplan;
  settings.today = '2026-11-22';
  await extension.activate(context());
  const { server, client } = started.at(-1);
  assert.deepEqual(server, { command: careplan, args: ['lsp'] });
  assert.deepEqual(client.initializationOptions, { today: '2026-11-22' });
  assert.equal(client.synchronize.configurationSection, 'careplan');
  settings['inlayHints.enable'] = false;
  assert.deepEqual(await client.middleware.provideInlayHints({}, {}, {}, () => ['hint']), []);
  settings['inlayHints.enable'] = true;
  assert.deepEqual(await client.middleware.provideInlayHints({}, {}, {}, () => ['hint']), ['hint']);
});
