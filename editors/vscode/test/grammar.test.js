// The TextMate grammar, tokenized as VS Code does (vscode-textmate with the
// Oniguruma regex engine) over every plan in the repository, and checked
// against a reference file's expected scopes. UPDATE_SNAPSHOTS=1 rewrites the
// reference snapshot; read its diff before committing it.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const test = require('node:test');
const oniguruma = require('vscode-oniguruma');
const textmate = require('vscode-textmate');

const repo = path.resolve(__dirname, '../../..');
const grammarFile = path.join(__dirname, '../syntaxes/careplan.tmLanguage.json');
const reference = 'examples/panic-disorder.careplan';
const snapshot = path.join(__dirname, 'panic-disorder.scopes.txt');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: sources => new oniguruma.OnigScanner(sources),
      createOnigString: text => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarFile, 'utf8'), grammarFile),
  });
  return registry.loadGrammar('source.careplan');
}

/** Each line of `text` with its tokens: `{ text, tokens: [{ text, scopes }] }`, scopes without the root. */
function tokenize(grammar, text) {
  let stack = textmate.INITIAL;
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).map(line => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    const tokens = result.tokens.map(t => ({
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes.slice(1),
    }));
    return { text: line, tokens };
  });
}

/** Every .careplan file under `dir` (recursively), relative to the repository. */
function plans(dir) {
  return fs.readdirSync(path.join(repo, dir), { withFileTypes: true, recursive: true })
    .filter(e => e.isFile() && e.name.endsWith('.careplan'))
    .map(e => path.relative(repo, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

const has = (token, scope) => token.scopes.some(s => s.startsWith(scope));

const files = [...plans('examples'), ...plans('tests/fixtures/real'), ...plans('templates')];

test('there are plans to tokenize', () => {
  assert.ok(files.length >= 20, `only ${files.length} plans found`);
});

test('every entry header, field and comment of every plan is scoped', async t => {
  const grammar = await loadGrammar();
  for (const file of files) {
    await t.test(file, () => {
      const lines = tokenize(grammar, fs.readFileSync(path.join(repo, file), 'utf8'));
      lines.forEach(({ text, tokens }, i) => {
        const where = `${file}:${i + 1}: ${text}`;
        const words = tokens.filter(t => t.text.trim() !== '');
        if (words.length === 0) return;
        // A line with words but no scope at all is what a reader would see as unhighlighted.
        assert.ok(words.some(t => t.scopes.length > 0), `nothing highlighted on ${where}`);
        const first = words[0];
        if (has(first, 'string') || has(first, 'comment')) return;
        if (/^\S/.test(text)) {
          assert.ok(has(first, 'keyword.control.entry'), `the entry keyword is not highlighted on ${where}`);
        } else {
          assert.ok(has(first, 'support.type.property-name'), `the field keyword is not highlighted on ${where}`);
        }
        // Outside strings and comments, every word is either scoped or an
        // id or text the grammar leaves plain on purpose: never a keyword.
        for (const token of words.filter(t => t.scopes.length === 0)) {
          assert.doesNotMatch(token.text, /^\s*(for|baseline|target|sustained|every|per)\s*$/,
            `the keyword \`${token.text.trim()}\` is not highlighted on ${where}`);
        }
      });
    });
  }
});

test('multi-line strings hold their lines, and a # inside a string is text', async () => {
  const grammar = await loadGrammar();
  const lines = tokenize(grammar, [
    'session 2026-10-06',
    '  note """',
    '    used I1 # not a field, not a comment',
    '    """',
    '  homework "read # chapter \\"two\\""  # a comment',
  ].join('\n'));
  assert.ok(lines[2].tokens.every(t => has(t, 'string.quoted.triple')));
  const homework = lines[4].tokens;
  assert.ok(homework.find(t => t.text === '\\"').scopes.includes('constant.character.escape.careplan'));
  assert.ok(homework.filter(t => t.text.includes('#')).every(t => has(t, 'string') || t.text === '#'));
  assert.ok(has(homework[homework.length - 1], 'comment.line'));
});

test('allow comments name their rules', async () => {
  const grammar = await loadGrammar();
  const [line] = tokenize(grammar, '  used I3 "Tolerated"  # careplan: allow consent-missing');
  const rule = line.tokens.find(t => t.text.includes('consent-missing'));
  assert.ok(has(rule, 'entity.name.tag.rule'));
});

test("a template's stand-ins are highlighted whole", async () => {
  const grammar = await loadGrammar();
  const [line] = tokenize(grammar, '  due {{opened + 19 weeks}}  # careplan: fill the date agreed');
  const inside = line.tokens.filter(t => t.text.includes('19') || t.text.includes('weeks') || t.text.includes('{{'));
  assert.ok(inside.length > 0 && inside.every(t => has(t, 'variable.other.template')));
  assert.ok(has(line.tokens.find(t => t.text === 'fill'), 'keyword.other.directive'));
});

/** The reference file's tokens in a reviewable form: each line, then each scoped token. */
function render(lines) {
  return lines.map(({ text, tokens }) => {
    const scoped = tokens
      .filter(t => t.text.trim() !== '' && t.scopes.length > 0)
      .map(t => `    ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`);
    return [text, ...scoped].join('\n');
  }).join('\n') + '\n';
}

test(`${reference} has the expected scopes`, async () => {
  const grammar = await loadGrammar();
  const actual = render(tokenize(grammar, fs.readFileSync(path.join(repo, reference), 'utf8')));
  if (process.env.UPDATE_SNAPSHOTS) fs.writeFileSync(snapshot, actual);
  assert.equal(actual, fs.readFileSync(snapshot, 'utf8'),
    'the scopes differ from test/panic-disorder.scopes.txt: check the grammar, or rewrite it with UPDATE_SNAPSHOTS=1 and read the diff');
});
