-- v2m_import_take.lua -- ReaScript (Lua) for REAPER 6+
--
-- Imports the stems of V2M-Zero takes onto new tracks, each at its BWF position (the take's place on
-- the timeline, which `v2m score PROJECT.rpp` stamps into every WAV), so the music lands under the
-- picture it was made for.
--
-- Which takes: every folder listed, one per line, in the queue file
--   <REAPER resource path>/v2m/import-queue.txt
-- (the hand-over the daemon will use: OSC actions carry no string argument). The queue is emptied
-- once read. With an empty queue, the script asks for a take's manifest.json.
--
-- Install: Actions > Show action list > New action > Load ReaScript... > this file. Its command ID
-- (e.g. _RS1234...) can be triggered over OSC as /action/_RS1234... (see README.md).

local STEM_FLAGS = 1 | 4096 -- 1: on a new track; 4096: at the source's BWF start offset
local SEP = package.config:sub(1, 1)

local function queue_path()
  return reaper.GetResourcePath() .. SEP .. "v2m" .. SEP .. "import-queue.txt"
end

-- Take folders from the queue file (emptied afterwards), or nil when there are none.
local function queued_takes()
  local file = io.open(queue_path(), "r")
  if not file then return nil end
  local takes = {}
  for line in file:lines() do
    local folder = line:match("^%s*(.-)%s*$")
    if folder ~= "" then takes[#takes + 1] = folder end
  end
  file:close()
  local clear = io.open(queue_path(), "w")
  if clear then clear:close() end
  if #takes == 0 then return nil end
  return takes
end

-- One take folder chosen by the user through its manifest.json, or nil when cancelled.
local function asked_take()
  local ok, manifest = reaper.GetUserFileNameForRead("", "V2M-Zero: choose a take's manifest.json", "json")
  if not ok then return nil end
  return { manifest:match("^(.*)[/\\][^/\\]+$") }
end

-- The stem WAVs of a take folder (mix.wav left out: the stems already sum to it), sorted by name.
local function stem_files(folder)
  local stems, i = {}, 0
  while true do
    local name = reaper.EnumerateFiles(folder, i)
    if not name then break end
    if name:lower():match("%.wav$") and name:lower() ~= "mix.wav" then stems[#stems + 1] = name end
    i = i + 1
  end
  table.sort(stems)
  return stems
end

local function import_take(folder)
  local stems = stem_files(folder)
  if #stems == 0 then
    reaper.ShowMessageBox(folder .. ": no stem WAVs found (is it a v2m take?)", "V2M-Zero import", 0)
    return 0
  end
  local take_name = folder:match("([^/\\]+)$")
  for _, name in ipairs(stems) do
    reaper.InsertMedia(folder .. SEP .. name, STEM_FLAGS)
    local track = reaper.GetSelectedTrack(0, 0)
    if track then
      reaper.GetSetMediaTrackInfo_String(track, "P_NAME", take_name .. " " .. name:gsub("%.wav$", ""), true)
    end
  end
  return #stems
end

local takes = queued_takes() or asked_take()
if takes then
  reaper.Undo_BeginBlock()
  local imported = 0
  for _, folder in ipairs(takes) do imported = imported + import_take(folder) end
  reaper.Undo_EndBlock("V2M-Zero: import " .. imported .. " stems", -1)
  reaper.UpdateArrange()
end
