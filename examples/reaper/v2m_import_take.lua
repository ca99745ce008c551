-- v2m_import_take.lua -- ReaScript (Lua 5.3/5.4) for REAPER 6+
--
-- Imports the stems of V2M-Zero takes onto new tracks, each at its BWF position (the take's place on the
-- timeline, which `v2m score PROJECT.rpp` stamps into every WAV), so the music lands under the picture it
-- was made for. Each track is named "<take id> <stem>"; one undo step per run.
--
-- Which takes: every import request the daemon queued in
--   <REAPER resource path>/v2m/import-queue/take-*.txt
-- (OSC actions carry no string argument, so the daemon writes the file and then triggers this script with
-- /action/<command id>). Requests are read in name order (the names sort by time) and deleted once read;
-- a request being written has a hidden temporary name and is left for the next run. Format (UTF-8, TAB
-- between fields; ReaperImportTrigger in the bridge writes it):
--   v2m-import 1
--   take<TAB><take id>
--   stem<TAB><stem name><TAB><absolute path of the stem's WAV>     (one line per stem)
-- Run by hand with nothing queued, it asks for a take's manifest.json and imports that take's stems.
--
-- Install: see README.md (register it as _V2M_IMPORT_TAKE, or load it in the action list and use its _RS id).

local BWF_ON_NEW_TRACK = 1 | 4096 -- InsertMedia mode 1: on a new track; 4096: at the source's BWF start offset
local FORMAT = "v2m-import 1"
local SEP = package.config:sub (1, 1)

local function say (text)
  reaper.ShowConsoleMsg ("V2M-Zero: " .. text .. "\n")
end

local function queue_dir ()
  return reaper.GetResourcePath () .. SEP .. "v2m" .. SEP .. "import-queue"
end

-- Names of the queued requests, oldest first.
local function queued (dir)
  reaper.EnumerateFiles (dir, -1) -- REAPER caches directory listings; index -1 rescans (API documentation)
  local names, i = {}, 0
  while true do
    local name = reaper.EnumerateFiles (dir, i)
    if not name then break end
    if name:match ("^take%-.+%.txt$") then names[#names + 1] = name end
    i = i + 1
  end
  table.sort (names)
  return names
end

-- A request's text as { id = take id, stems = { { name =, path = }, ... } }, or nil and what is wrong.
local function parse_request (text)
  local lines = {}
  for line in (text .. "\n"):gmatch ("([^\n]*)\n") do lines[#lines + 1] = (line:gsub ("\r$", "")) end
  if lines[1] ~= FORMAT then
    return nil, "not a request of this script's version (first line \"" .. (lines[1] or "") .. "\", expected \""
      .. FORMAT .. "\")"
  end
  local take = { stems = {} }
  for n = 2, #lines do
    local kind, first, second = lines[n]:match ("^(%a+)\t([^\t]+)\t?([^\t]*)$")
    if kind == "take" and second == "" then
      take.id = first
    elseif kind == "stem" and second ~= "" then
      take.stems[#take.stems + 1] = { name = first, path = second }
    elseif lines[n] ~= "" then
      return nil, "line " .. n .. " not understood: " .. lines[n]
    end
  end
  if not take.id or #take.stems == 0 then return nil, "no take line or no stem line" end
  return take
end

-- Reads and deletes every queued request; returns the takes of the readable ones.
local function take_queue ()
  local dir, takes = queue_dir (), {}
  for _, name in ipairs (queued (dir)) do
    local path = dir .. SEP .. name
    local file = io.open (path, "rb")
    if file then
      local text = file:read ("a")
      file:close ()
      os.remove (path) -- read once: a bad request is reported below, never retried on every run
      local take, err = parse_request (text)
      if take then takes[#takes + 1] = take else say (name .. ": " .. err) end
    end
  end
  return takes
end

-- The take whose manifest.json is at `path`, as parse_request returns it. The daemon's manifests are
-- Jackson-written JSON whose "stems" array holds flat objects with "name" and "wav" (a file in the take).
local function take_from_manifest (path)
  local file = io.open (path, "rb")
  if not file then return nil, "cannot read " .. path end
  local json = file:read ("a")
  file:close ()
  local folder = path:match ("^(.*)[/\\][^/\\]+$") or "."
  local stems = json:match ('"stems"%s*:%s*(%b[])')
  if not stems then return nil, path .. ": no \"stems\" array (is it a V2M-Zero take's manifest.json?)" end
  local take = { id = json:match ('"takeId"%s*:%s*"([^"]+)"') or folder:match ("([^/\\]+)$"), stems = {} }
  for object in stems:gmatch ("%b{}") do
    local name, wav = object:match ('"name"%s*:%s*"([^"]+)"'), object:match ('"wav"%s*:%s*"([^"]+)"')
    if name and wav then take.stems[#take.stems + 1] = { name = name, path = folder .. SEP .. wav } end
  end
  if #take.stems == 0 then return nil, path .. ": the \"stems\" array names no stem WAV" end
  return take
end

-- Puts each stem of `take` on a new track at its BWF position; returns how many were imported.
local function import (take)
  local imported = 0
  for _, stem in ipairs (take.stems) do
    if reaper.file_exists (stem.path) then
      reaper.InsertMedia (stem.path, BWF_ON_NEW_TRACK)
      local track = reaper.GetSelectedTrack (0, 0) -- the new track is the selected one
      if track then reaper.GetSetMediaTrackInfo_String (track, "P_NAME", take.id .. " " .. stem.name, true) end
      imported = imported + 1
    else
      say ("take " .. take.id .. ": stem " .. stem.name .. " not found at " .. stem.path)
    end
  end
  return imported
end

local function main ()
  local takes = take_queue ()
  if #takes == 0 then
    -- mode is -1 unless MIDI or OSC ran the script (ReaScript docs): a trigger finding the queue already
    -- emptied by the run before it must not open a dialog.
    local _, _, _, _, mode = reaper.get_action_context ()
    if mode ~= -1 then say ("nothing queued in " .. queue_dir ()); return end
    local ok, manifest = reaper.GetUserFileNameForRead ("", "V2M-Zero: choose a take's manifest.json", "json")
    if not ok then return end
    local take, err = take_from_manifest (manifest)
    if not take then reaper.ShowMessageBox (err, "V2M-Zero import", 0); return end
    takes[1] = take
  end
  reaper.Undo_BeginBlock ()
  local imported = 0
  for _, take in ipairs (takes) do imported = imported + import (take) end
  reaper.Undo_EndBlock ("V2M-Zero: import " .. imported .. " stems", -1)
  reaper.UpdateArrange ()
end

main ()
