// `careplan lsp` driven over vscode-languageserver-protocol, the protocol
// library under VS Code's language client, announcing the capabilities VS
// Code announces (./vscode-capabilities.json: UTF-16 positions, pull
// diagnostics, code action literals, hierarchical symbols, watched files…).
// It opens an example with three mistakes and asks what an editor asks:
// diagnostics, quick fixes and fix-all, formatting, hover, completion,
// rename and the outline, applying the edits it is given as VS Code would.
//
// The program is $CAREPLAN (editors/test sets it). Without it the test is
// skipped, unless CAREPLAN_REQUIRE_EDITORS=1.
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const test = require('node:test');
const rpc = require('vscode-languageserver-protocol/node');

const careplan = process.env.CAREPLAN;
const required = process.env.CAREPLAN_REQUIRE_EDITORS === '1';
const skip = !careplan && !required && 'set CAREPLAN to the careplan program to run it';
const today = '2026-12-01';
const capabilities = require('./vscode-capabilities.json');
const example = fs.readFileSync(path.join(__dirname, '../../../examples/panic-disorder.careplan'), 'utf8');

/** Replaces the first line starting with `start` by `line`. */
function replaceLine(text, start, line) {
  const lines = text.split('\n');
  const at = lines.findIndex(l => l.startsWith(start));
  assert.ok(at >= 0, `the example has no line starting ${start}`);
  lines[at] = line;
  return lines.join('\n');
}

/** The UTF-16 offset of `position` in `text` (JavaScript strings are UTF-16). */
function offset(text, { line, character }) {
  let at = 0;
  for (let l = 0; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + character;
}

/** `text` with `edits` applied, as VS Code applies a TextEdit[]. */
function apply(text, edits) {
  const sorted = [...edits].sort((a, b) => offset(text, b.range.start) - offset(text, a.range.start));
  for (const e of sorted) {
    text = text.slice(0, offset(text, e.range.start)) + e.newText + text.slice(offset(text, e.range.end));
  }
  return text;
}

/** The position of the `nth` occurrence of `needle` in `text`. */
function find(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `no ${needle} in the text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** What `careplan fmt` makes of `text`. */
function formatted(text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-fmt-'));
  const file = path.join(dir, 'plan.careplan');
  fs.writeFileSync(file, text);
  cp.execFileSync(careplan, ['fmt', file], { stdio: 'ignore' });
  return fs.readFileSync(file, 'utf8');
}

/** The edits of a WorkspaceEdit for `uri`, from `documentChanges` or `changes`. */
function editsFor(edit, uri) {
  if (edit.documentChanges) {
    return edit.documentChanges.filter(c => c.textDocument?.uri === uri).flatMap(c => c.edits);
  }
  return edit.changes?.[uri] ?? [];
}

test('careplan lsp answers what VS Code asks, as VS Code asks it', { skip, timeout: 60000 }, async () => {
  assert.ok(careplan, 'CAREPLAN_REQUIRE_EDITORS=1: set CAREPLAN to the careplan program');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-lsp-'));
  const uri = 'file://' + path.join(dir, 'panic.careplan');
  const server = cp.spawn(careplan, ['lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', d => { stderr += d; });
  const exited = new Promise(resolve => server.on('exit', (code, signal) => resolve({ code, signal })));
  const connection = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin),
  );
  const registered = [];
  connection.onRequest(rpc.RegistrationRequest.type, params => { registered.push(...params.registrations); return null; });
  connection.onRequest(rpc.ConfigurationRequest.type, params => params.items.map(() => null));
  connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
  const pushed = [];
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, p => pushed.push(p));
  connection.listen();

  try {
    const init = await connection.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'Visual Studio Code', version: '1.96.0' },
      locale: 'en',
      rootUri: 'file://' + dir,
      workspaceFolders: [{ uri: 'file://' + dir, name: path.basename(dir) }],
      capabilities,
      initializationOptions: { today },
    });
    const caps = init.capabilities;
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.equal(caps.textDocumentSync.change, rpc.TextDocumentSyncKind.Incremental);
    assert.ok(caps.diagnosticProvider, 'pull diagnostics are offered to a client that declares them');
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.careplan']);
    await connection.sendNotification(rpc.InitializedNotification.type, {});

    // Three mistakes: curly quotes (a syntax error, fixed safely), a
    // misspelled drug (a quick fix, not safe), and a badly spaced field.
    const curly = 'intervention I1 psychoeducation “Panic cycle, fight-or-flight, safety behaviours” for G1, G2';
    let text = replaceLine(example, 'intervention I1 ', curly);
    text = replaceLine(text, 'medication M1 ', 'medication M1 sertralin for G1, G2');
    text = replaceLine(text, '  client ', '  client    C-2087');
    let version = 1;
    await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'careplan', version, text },
    });
    const diagnose = async () => {
      const report = await connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      return report.items;
    };

    // Diagnostics, pulled: each at its place, coded and linked to its rule.
    let items = await diagnose();
    const quote = items.find(d => d.code === 'syntax');
    assert.ok(quote, JSON.stringify(items));
    assert.deepEqual(quote.range.start, find(text, '“'));
    assert.match(quote.message, /curly quote/);
    const drug = items.find(d => d.code === 'unknown-drug');
    assert.ok(drug, JSON.stringify(items));
    const misspelt = find(text, 'sertralin for');
    assert.deepEqual(drug.range, { start: misspelt, end: { ...misspelt, character: misspelt.character + 9 } });
    assert.equal(drug.source, 'careplan');
    assert.match(drug.codeDescription.href, /unknown-drug/);
    assert.equal(drug.severity, rpc.DiagnosticSeverity.Warning);

    // Formatting refuses a file with syntax errors, and says so.
    await assert.rejects(
      connection.sendRequest(rpc.DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
      e => /syntax/i.test(e.message),
    );

    // Quick fix for the drug: the spelling, offered but not preferred
    // over the person's judgement, then the allow last.
    const actions = await connection.sendRequest(rpc.CodeActionRequest.type, {
      textDocument: { uri }, range: drug.range,
      context: { diagnostics: [drug], only: ['quickfix'], triggerKind: rpc.CodeActionTriggerKind.Invoke },
    });
    const titles = actions.map(a => a.title);
    assert.equal(titles[0], 'Replace with `sertraline`', titles.join('; '));
    assert.match(titles[titles.length - 1], /^Allow `unknown-drug`/);
    assert.ok(actions.every(a => a.kind === 'quickfix'));
    const spelling = editsFor(actions[0].edit, uri);

    // Fix all: the safe fixes only, which straighten the quotes.
    const all = await connection.sendRequest(rpc.CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.careplan'], triggerKind: rpc.CodeActionTriggerKind.Automatic },
    });
    assert.equal(all.length, 1, JSON.stringify(all));
    const safe = editsFor(all[0].edit, uri);
    assert.ok(apply(text, safe).includes(curly.replace(/[“”]/g, '"')));
    assert.ok(apply(text, safe).includes('sertralin for'), 'fix-all leaves the unsafe spelling fix to the person');

    // Apply both as incremental changes, as VS Code sends them.
    const edits = [...safe, ...spelling].sort((a, b) => offset(text, b.range.start) - offset(text, a.range.start));
    version += 1;
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: edits.map(e => ({ range: e.range, text: e.newText })),
    });
    text = apply(text, edits);
    items = await diagnose();
    assert.deepEqual(items.filter(d => d.code === 'syntax' || d.code === 'unknown-drug'), []);

    // Formatting now: minimal edits, on the one badly spaced line only,
    // that make the text what `careplan fmt` makes it.
    const format = await connection.sendRequest(rpc.DocumentFormattingRequest.type, {
      textDocument: { uri }, options: { tabSize: 2, insertSpaces: true },
    });
    const client = find(text, '  client ').line;
    assert.ok(format.length > 0);
    const onClientLine = ({ range: { start, end } }) => start.line === client &&
      (end.line === client || (end.line === client + 1 && end.character === 0));
    assert.ok(format.every(onClientLine), JSON.stringify(format));
    assert.equal(apply(text, format), formatted(text));

    // Hover on a goal's id: its text and target.
    const hover = await connection.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: find(text, 'G1', 1) });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /Panic attacks at most one a week/);

    // Completion after `for ` offers the goals, not the interventions.
    const typed = '\nintervention I9 CBT "Breathing retraining" for ';
    version += 1;
    const end = find(text + '\u0000', '\u0000');
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version }, contentChanges: [{ range: { start: end, end }, text: typed }],
    });
    const afterFor = find(text + typed + '\u0000', '\u0000');
    const completion = await connection.sendRequest(rpc.CompletionRequest.type, {
      textDocument: { uri }, position: afterFor, context: { triggerKind: rpc.CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' },
    });
    const labels = (Array.isArray(completion) ? completion : completion.items).map(i => i.label);
    for (const goal of ['G1', 'G2', 'G3']) assert.ok(labels.includes(goal), labels.join(' '));
    assert.ok(!labels.includes('I1'), labels.join(' '));
    version += 1;
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version }, contentChanges: [{ range: { start: end, end: afterFor }, text: '' }],
    });

    // Rename a goal: every use, and no other word; a taken name is refused.
    const at = find(text, 'G1');
    const prepared = await connection.sendRequest(rpc.PrepareRenameRequest.type, { textDocument: { uri }, position: at });
    assert.ok(prepared, 'G1 can be renamed');
    const renamed = await connection.sendRequest(rpc.RenameRequest.type, { textDocument: { uri }, position: at, newName: 'G10' });
    const uses = text.match(/\bG1\b/g).length;
    const renames = editsFor(renamed, uri);
    assert.equal(renames.length, uses);
    assert.equal(apply(text, renames), text.replace(/\bG1\b/g, 'G10'));
    await assert.rejects(
      connection.sendRequest(rpc.RenameRequest.type, { textDocument: { uri }, position: at, newName: 'G2' }),
      e => /G2/.test(e.message),
    );

    // The outline: the definitions by name, then the record.
    const symbols = await connection.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri } });
    const names = symbols.map(s => s.name);
    for (const name of ['goal G1', 'goal G2', 'goal G3', 'intervention I1', 'medication M1', 'session 2026-06-02', 'review 2026-11-10']) {
      assert.ok(names.includes(name), `${name} in ${names.join('; ')}`);
    }
    const firstDated = names.findIndex(n => /^(session|review) /.test(n));
    assert.equal(names.indexOf('medication M1'), firstDated - 1, names.join('; '));
    assert.equal(symbols.find(s => s.name === 'goal G1').detail, 'Panic attacks at most one a week');
    assert.ok(symbols.every(s => 'range' in s && 'selectionRange' in s), 'hierarchical symbols, as VS Code declares');

    assert.deepEqual(pushed.filter(p => p.uri === uri), [], 'a pull client gets no pushed diagnostics');
    assert.ok(registered.some(r => r.method === 'workspace/didChangeWatchedFiles'), 'it watches careplan.toml');

    await connection.sendRequest(rpc.ShutdownRequest.type);
    await connection.sendNotification(rpc.ExitNotification.type);
    assert.deepEqual(await exited, { code: 0, signal: null });
    assert.equal(stderr, '', 'the server writes nothing to stderr');
  } finally {
    connection.dispose();
    server.kill();
  }
});
