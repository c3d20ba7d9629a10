// Renders a plan as VS Code would colour it, to HTML: the extension's TextMate
// grammar tokenized by vscode-textmate, in the Dark+ theme's colours. Used for
// the screenshot in docs/editors.md:
//   node scripts/render-html.js ../../examples/panic-disorder.careplan 1 60 > /tmp/plan.html
//   chromium --headless --no-sandbox --disable-gpu --screenshot=shot.png --window-size=1100,1000 file:///tmp/plan.html
const fs = require('node:fs');
const path = require('node:path');
const oniguruma = require('vscode-oniguruma');
const textmate = require('vscode-textmate');

// Dark+ colours by scope prefix, most specific first.
const THEME = [
  ['comment', '#6A9955'],
  ['constant.character.escape', '#D7BA7D'],
  ['string', '#CE9178'],
  ['keyword.control', '#C586C0'],
  ['keyword.other.directive', '#C586C0'],
  ['keyword.operator', '#D4D4D4'],
  ['keyword', '#569CD6'],
  ['support.type.property-name', '#9CDCFE'],
  ['entity.name.type', '#4EC9B0'],
  ['support.class', '#4EC9B0'],
  ['entity.name.tag', '#569CD6'],
  ['variable.other.constant', '#4FC1FF'],
  ['variable', '#9CDCFE'],
  ['constant.numeric', '#B5CEA8'],
  ['constant.language', '#569CD6'],
  ['constant.other', '#4FC1FF'],
];

async function main() {
  const [file, from = '1', to = '1000000'] = process.argv.slice(2);
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammarFile = path.join(__dirname, '../syntaxes/careplan.tmLanguage.json');
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: s => new oniguruma.OnigScanner(s),
      createOnigString: s => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarFile, 'utf8'), grammarFile),
  });
  const grammar = await registry.loadGrammar('source.careplan');
  const escape = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let stack = textmate.INITIAL;
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).map(line => {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
    stack = ruleStack;
    return tokens.map(t => {
      const scopes = t.scopes.slice(1).reverse();
      const colour = scopes.map(s => THEME.find(([p]) => s.startsWith(p))).find(Boolean)?.[1];
      const text = escape(line.slice(t.startIndex, t.endIndex));
      return colour ? `<span style="color:${colour}">${text}</span>` : text;
    }).join('');
  });
  const shown = lines.slice(Number(from) - 1, Number(to));
  process.stdout.write(`<!doctype html><meta charset="utf-8"><title>${escape(path.basename(file))}</title>
<body style="margin:0;background:#1E1E1E"><pre style="margin:0;padding:16px;color:#D4D4D4;font:14px/1.45 'DejaVu Sans Mono',monospace">${shown.join('\n')}</pre></body>\n`);
}

main();
