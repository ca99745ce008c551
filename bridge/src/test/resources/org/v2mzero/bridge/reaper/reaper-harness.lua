-- Runs a ReaScript under plain lua5.3 against a fake `reaper` table (REAPER cannot be installed on the
-- build machines), printing every call that changes the project, one per line, TAB between fields:
--   InsertMedia <file> <mode> | TrackName <name> | UndoBegin | UndoEnd <description> | UpdateArrange
--   Console <text> | MessageBox <text> | Dialog <title>
-- Usage: lua5.3 reaper-harness.lua SCRIPT RESOURCE_DIR MODE [MANIFEST]
--   RESOURCE_DIR  what reaper.GetResourcePath() returns
--   MODE          the `mode` reaper.get_action_context() returns: -1 run by hand, 0 triggered over OSC
--   MANIFEST      what the file dialog answers; cancelled when absent
-- Files are real: EnumerateFiles lists the folder (ls), file_exists opens the file. Like REAPER, EnumerateFiles
-- keeps a folder's listing until asked for index -1; the queue folder's starts out as an earlier, empty one.

local script, resource, mode, manifest = ...
assert (script and resource and mode, "usage: reaper-harness.lua SCRIPT RESOURCE_DIR MODE [MANIFEST]")

local function record (...)
  print (table.concat ({ ... }, "\t"))
end

local selected_track = nil
local listings = {}

reaper = {
  GetResourcePath = function () return resource end,
  get_action_context = function () return false, script, 0, 12345, tonumber (mode), -1, -1 end,
  EnumerateFiles = function (dir, index)
    if index == -1 then
      listings[dir] = nil
      return nil
    end
    if not listings[dir] then
      local names = {}
      local ls = io.popen ('ls -A "' .. dir .. '" 2>/dev/null')
      for name in ls:lines () do names[#names + 1] = name end
      ls:close ()
      listings[dir] = names
    end
    return listings[dir][index + 1]
  end,
  file_exists = function (path)
    local file = io.open (path, "rb")
    if file then file:close () end
    return file ~= nil
  end,
  InsertMedia = function (file, insert_mode)
    record ("InsertMedia", file, tostring (insert_mode))
    if insert_mode & 1 == 1 then selected_track = { inserted = file } end
    return 1
  end,
  GetSelectedTrack = function (project, index)
    assert (project == 0 and index == 0, "GetSelectedTrack(0, 0) expected")
    return selected_track
  end,
  GetSetMediaTrackInfo_String = function (track, key, value, set)
    assert (track and key == "P_NAME" and set, "a track name to set expected")
    record ("TrackName", value)
    return true, value
  end,
  Undo_BeginBlock = function () record ("UndoBegin") end,
  Undo_EndBlock = function (description, flags) record ("UndoEnd", description) end,
  UpdateArrange = function () record ("UpdateArrange") end,
  ShowConsoleMsg = function (text) record ("Console", (text:gsub ("\n$", ""))) end,
  ShowMessageBox = function (text, title, kind) record ("MessageBox", text); return 1 end,
  GetUserFileNameForRead = function (initial, title, extension)
    record ("Dialog", title)
    if manifest then return true, manifest end
    return false, ""
  end,
}

listings[resource .. "/v2m/import-queue"] = {} -- listed by an earlier run, before anything was queued
dofile (script)
