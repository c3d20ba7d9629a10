-- Neovim's built-in LSP client against `careplan lsp`, headless:
--
--   CAREPLAN=target/debug/careplan nvim --headless -u NONE -i NONE \
--     -c 'luafile editors/neovim/test.lua'
--
-- It opens an example with a mistake on a line that holds accents and an
-- emoji before the finding (Neovim speaks UTF-16, and shows columns as
-- bytes), waits for the published diagnostics, and asserts they are exactly
-- what `careplan check --format json` says of the same text, at the same
-- lines and columns. Then it edits the buffer twice, as typing would (an
-- incremental change each), and asserts the findings follow both times.
--
-- Written for Neovim 0.7 (Debian bookworm's), which has no `vim.lsp.start`
-- (0.8+): it uses `vim.lsp.start_client` and `vim.lsp.buf_attach_client`,
-- which later versions keep. Exits 0 when every check holds, 1 otherwise.

local careplan = os.getenv('CAREPLAN')
local today = '2026-12-01'
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)') or './'
local example = here .. '../../examples/panic-disorder.careplan'

local function finish(failure)
  if failure then
    io.stderr:write('neovim: FAILED: ' .. failure .. '\n')
    vim.cmd('cquit 1')
  end
  io.stdout:write('neovim: passed\n')
  vim.cmd('qall!')
end

local function check(condition, message)
  if not condition then
    finish(message)
  end
end

check(careplan and vim.fn.executable(careplan) == 1, 'set CAREPLAN to the careplan program')

-- The example with one mistake: `G9` is no goal, and the line before it
-- holds an accent and an emoji of several code points (a ZWJ sequence, two
-- of them outside the BMP), so byte, UTF-16 and character columns all differ.
local lines = vim.fn.readfile(example)
local mistaken = 'intervention I1 psychoeducation "Panic cycle 😮‍💨, café fight-or-flight" for G1, G9'
local at
for i, line in ipairs(lines) do
  if line:match('^intervention I1 ') then
    at = i
  end
end
check(at, 'the example has no `intervention I1` line to change')
lines[at] = mistaken

local dir = vim.fn.tempname()
vim.fn.mkdir(dir, 'p')
local file = dir .. '/plan.careplan'
vim.fn.writefile(lines, file)

-- What `careplan check` says of `text`: `{line, byte column, end line, end
-- byte column, name, severity, message}` per finding, sorted. Its columns
-- count characters from 1; Neovim's count bytes from 0.
local severities = { 'error', 'warning', 'info', 'info' }
local function key(d)
  return string.format('%d:%d-%d:%d %s %s %s', d[1], d[2], d[3], d[4], d[5], d[6], d[7])
end
local function checked(text)
  local copy = dir .. '/checked.careplan'
  vim.fn.writefile(text, copy)
  local out = vim.fn.system({ careplan, 'check', '--format', 'json', '--today', today, copy })
  local ok, report = pcall(vim.fn.json_decode, out)
  check(ok and type(report) == 'table', 'careplan check gave no JSON: ' .. out)
  local found = {}
  for _, f in ipairs(report.findings) do
    local function byte(line, column)
      return vim.str_byteindex(text[line] or '', column - 1)
    end
    -- The server puts the help under the message, as the terminal shows it.
    local message = f.message
    if f.help ~= vim.NIL then
      message = message .. '\nhelp: ' .. f.help
    end
    table.insert(found, key({ f.line - 1, byte(f.line, f.column), f.end_line - 1,
      byte(f.end_line, f.end_column), f.name, f.severity, message }))
  end
  table.sort(found)
  return found
end

local function shown(buffer)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(found, key({ d.lnum, d.col, d.end_lnum, d.end_col, d.code,
      severities[d.severity], d.message }))
  end
  table.sort(found)
  return found
end

-- Waits until the buffer shows what `careplan check` says of its text.
local function agrees(buffer, what)
  local want = checked(vim.api.nvim_buf_get_lines(buffer, 0, -1, false))
  local same = vim.wait(15000, function()
    return vim.deep_equal(shown(buffer), want)
  end, 20)
  check(same, string.format('%s: Neovim shows\n  %s\nbut careplan check says\n  %s', what,
    table.concat(shown(buffer), '\n  '), table.concat(want, '\n  ')))
  return want
end

local function has(found, pattern)
  for _, f in ipairs(found) do
    if f:find(pattern) then
      return true
    end
  end
  return false
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
vim.bo[buffer].filetype = 'careplan'
local client = vim.lsp.start_client({
  name = 'careplan',
  cmd = { careplan, 'lsp' },
  root_dir = dir,
  init_options = { today = today },
})
check(client, 'vim.lsp.start_client did not start careplan lsp')
check(vim.lsp.buf_attach_client(buffer, client), 'could not attach the client to the buffer')
check(vim.wait(15000, function()
  local c = vim.lsp.get_client_by_id(client)
  return c and c.initialized
end, 20), 'careplan lsp did not answer initialize')

local c = vim.lsp.get_client_by_id(client)
check(c.offset_encoding == 'utf-16', 'Neovim 0.7 speaks UTF-16, not ' .. tostring(c.offset_encoding))
local sync = c.server_capabilities.textDocumentSync
check(type(sync) == 'table' and sync.change == 2, 'the server does not offer incremental sync')

-- 1. The mistake, at the column of `G9` in bytes (past the emoji).
local first = agrees(buffer, 'the opened example')
local column = mistaken:find('G9', 1, true) - 1
check(has(first, string.format('^%d:%d%%-%d:%d ', at - 1, column, at - 1, column + 2)),
  'no finding on `G9` at line ' .. at .. ', byte ' .. column .. ':\n  ' .. table.concat(first, '\n  '))

-- 2. Correct it: its finding goes.
vim.api.nvim_buf_set_lines(buffer, at - 1, at, false, { (mistaken:gsub('G9$', 'G2')) })
local second = agrees(buffer, 'after correcting G9')
check(not has(second, string.format('^%d:', at - 1)), 'the corrected line still has a finding')

-- 3. Type a new mistaken line (another unknown goal after an accent and an
-- emoji outside the BMP): its finding appears, the lines below move down.
local added = 'intervention I9 CBT "Ré-évaluation 🧠 des pensées" for G7'
vim.api.nvim_buf_set_lines(buffer, at, at, false, { added })
local third = agrees(buffer, 'after typing a new line')
column = added:find('G7', 1, true) - 1
check(has(third, string.format('^%d:%d%%-%d:%d ', at, column, at, column + 2)),
  'no finding on the typed `G7` at byte ' .. column .. ':\n  ' .. table.concat(third, '\n  '))

vim.lsp.stop_client(client)
finish()
