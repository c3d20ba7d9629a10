// The careplan extension: starts `careplan lsp` for .careplan files. Every
// feature is the server's; this file only finds the program and starts it.
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

/** The careplan program at the `careplan.path` setting, else on PATH; `looked` says where it looked. */
function findCareplan(setting, env = process.env, folder = undefined) {
  const runnable = file => {
    try {
      if (!fs.statSync(file).isFile()) return false;
      if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (setting) {
    const home = setting.replace(/^~(?=$|[\\/])/, os.homedir());
    const file = path.isAbsolute(home) || !folder ? path.resolve(home) : path.resolve(folder, home);
    return { found: runnable(file) ? file : undefined, looked: `the careplan.path setting, ${file}` };
  }
  const dirs = (env.PATH || env.Path || '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? ['careplan.exe', 'careplan.cmd'] : ['careplan'];
  const found = dirs.flatMap(dir => names.map(name => path.join(dir, name))).find(runnable);
  return { found, looked: dirs.length ? `the PATH folders ${dirs.join(', ')}` : 'PATH, which is empty' };
}

async function activate(context) {
  const config = vscode.workspace.getConfiguration('careplan');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const { found, looked } = findCareplan(config.get('path'), process.env, folder);
  if (!found) {
    const choice = await vscode.window.showErrorMessage(
      `careplan: the careplan program was not found. Looked in ${looked}. Install careplan or set careplan.path to it.`,
      'Open Settings',
    );
    if (choice) vscode.commands.executeCommand('workbench.action.openSettings', 'careplan.path');
    return;
  }
  const today = config.get('today');
  client = new LanguageClient('careplan', 'careplan', { command: found, args: ['lsp'] }, {
    documentSelector: [{ scheme: 'file', language: 'careplan' }, { scheme: 'untitled', language: 'careplan' }],
    initializationOptions: today ? { today } : {},
    synchronize: {
      configurationSection: 'careplan',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/careplan.toml'),
    },
    middleware: {
      provideInlayHints: (document, range, token, next) =>
        vscode.workspace.getConfiguration('careplan').get('inlayHints.enable') ? next(document, range, token) : [],
    },
  });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async e => {
      if (!e.affectsConfiguration('careplan.path')) return;
      const reload = await vscode.window.showInformationMessage('careplan.path changed: reload the window to use it.', 'Reload');
      if (reload) vscode.commands.executeCommand('workbench.action.reloadWindow');
    }),
  );
  await client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate, findCareplan };
