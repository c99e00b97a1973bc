-- Headless Neovim side of test/protocol/nvim.test.ts: sources a user's LSP snippet, opens one file, prints JSON lines.
--
-- Run as `nvim --headless --clean -n -c 'lua dofile(os.getenv("SRM_NVIM_HARNESS"))'` with, in the environment:
--   SRM_NVIM_HARNESS  this file
--   SRM_NVIM_SNIPPET  the Lua snippet to source, as a user's init.lua would (here: the one docs/editors.md shows)
--   SRM_NVIM_FILE     the file to open
--   SRM_NVIM_HOVER    LINE:CHARACTER (0-based, LSP positions) to request a hover at
--   SRM_NVIM_TIMEOUT  deadline in milliseconds for the whole run
-- Prints to stdout, one JSON object per line (each also has "ms", the time since start):
--   {"event":"publish","uri":...,"count":N,"diagnostics":[{"code":...,"severity":...,"line":...,"character":...}]}
--   {"event":"hover","text":...}
--   {"event":"end","stored":N}   (N = the diagnostics Neovim itself holds for the buffer, vim.diagnostic.get)
--   {"event":"error","message":...,"messages":...}   (then exits with status 1)
-- Written for Neovim 0.7 (Debian's), the oldest version the snippet claims; uses nothing newer.

local t0 = vim.loop.hrtime()

local function emit(event, fields)
  local record = fields or {}
  record.event = event
  record.ms = math.floor((vim.loop.hrtime() - t0) / 1e6)
  io.stdout:write(vim.json.encode(record), '\n')
  io.stdout:flush()
end

local function getenv(name)
  local value = os.getenv(name)
  if value == nil or value == '' then
    error('missing environment variable ' .. name, 0)
  end
  return value
end

-- A failure the harness expects (no diagnostics, no hover): reported without a traceback. The error event adds
-- Neovim's message history, because that is where the snippet's own complaints land (start_client reports a
-- command it cannot spawn there, not as a Lua error).
local function fail(message)
  error({ harness = true, message = message }, 0)
end

-- Hover contents come as MarkupContent, a MarkedString or a list of MarkedStrings; the test wants the text.
local function hover_text(contents)
  if type(contents) == 'string' then
    return contents
  end
  if type(contents) ~= 'table' then
    return ''
  end
  if contents.value ~= nil then
    return contents.value
  end
  local parts = {}
  for _, item in ipairs(contents) do
    table.insert(parts, hover_text(item))
  end
  return table.concat(parts, '\n')
end

local function main()
  local snippet = getenv('SRM_NVIM_SNIPPET')
  local file = vim.fn.fnamemodify(getenv('SRM_NVIM_FILE'), ':p')
  local hover_line, hover_character = getenv('SRM_NVIM_HOVER'):match('^(%d+):(%d+)$')
  if hover_line == nil then
    fail('SRM_NVIM_HOVER is not LINE:CHARACTER')
  end
  local deadline = t0 + tonumber(getenv('SRM_NVIM_TIMEOUT')) * 1e6
  local function remaining()
    return math.max(0, math.floor((deadline - vim.loop.hrtime()) / 1e6))
  end
  local uri = vim.uri_from_fname(file)

  -- Record every publish before Neovim handles it. The snippet sets no handlers of its own, so its client looks
  -- this method up in vim.lsp.handlers on each message, and the wrapper sees what the server sent.
  local publishes = {}
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    if result ~= nil then
      local diagnostics = {}
      for _, d in ipairs(result.diagnostics or {}) do
        table.insert(diagnostics, {
          code = d.code,
          severity = d.severity,
          source = d.source,
          line = d.range.start.line,
          character = d.range.start.character,
          message = d.message,
        })
      end
      table.insert(publishes, { uri = result.uri, count = #diagnostics })
      emit('publish', { uri = result.uri, count = #diagnostics, diagnostics = diagnostics })
    end
    return default_publish(err, result, ctx, config)
  end

  -- What the user's init.lua would do, then what the user does: open the file (its FileType autocmd fires here).
  dofile(snippet)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()

  -- Wait for diagnostics of this file: polled, up to the deadline.
  local function published_for_file()
    for _, p in ipairs(publishes) do
      if p.uri == uri and p.count > 0 then
        return true
      end
    end
    return false
  end
  if not vim.wait(remaining(), published_for_file, 20) then
    fail('no publishDiagnostics with diagnostics for ' .. uri .. ' before the deadline (' .. #publishes .. ' publishes in all)')
  end

  -- Then a hover at the given position, answered by whichever clients the snippet attached to the buffer.
  local hover
  local params = {
    textDocument = { uri = uri },
    position = { line = tonumber(hover_line), character = tonumber(hover_character) },
  }
  vim.lsp.buf_request(bufnr, 'textDocument/hover', params, function(err, result)
    if err ~= nil then
      hover = { error = err.message or vim.inspect(err) }
    else
      hover = { text = result and hover_text(result.contents) or '' }
    end
  end)
  if not vim.wait(remaining(), function() return hover ~= nil end, 20) then
    fail('no answer to textDocument/hover before the deadline')
  end
  if hover.error ~= nil then
    fail('textDocument/hover failed: ' .. hover.error)
  end
  emit('hover', { text = hover.text })
  emit('end', { stored = #vim.diagnostic.get(bufnr) })
end

local ok, err = xpcall(main, function(e)
  if type(e) == 'table' and e.harness then
    return e.message
  end
  return debug.traceback(tostring(e), 2)
end)
if ok then
  vim.cmd('qall!')
else
  emit('error', { message = err, messages = vim.api.nvim_exec('messages', true) })
  vim.cmd('cquit 1')
end
