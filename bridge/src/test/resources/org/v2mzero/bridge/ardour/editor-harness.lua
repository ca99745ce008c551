-- Runs an Ardour editor action script (examples/ardour/) outside Ardour's editor, recording its calls one per
-- line, TAB between fields:
--   descriptor <type> <name> | Dialog <title> | Message <text>
--   do_import <file|file|...> <disposition> <mode> <quality> <MIDI names> <tempo map> <position samples>
--             <instrument> <track> <markers>
-- Two ways to run it (settings in the environment):
--   lua5.3 editor-harness.lua      every Ardour API the script uses is stubbed here (V2M_RATE: the session's
--                                  sample rate)
--   ardour7-lua editor-harness.lua the real libardour bindings (ARDOUR, Temporal, C, Session: a session loaded
--                                  on the Dummy backend from V2M_SESSION_DIR / V2M_SESSION_NAME); only what
--                                  Ardour 7.3 has in its GUI alone is stubbed: Editor, Editing, LuaDialog
-- V2M_SCRIPT: the script. V2M_EDITOR=0: no Editor and no LuaDialog, as headless; the script then reads
-- V2M_MANIFEST. V2M_DIALOG: the manifest the file dialog answers ("" cancels).

local function record (...)
  local fields = {}
  for i = 1, select ("#", ...) do fields[i] = tostring (select (i, ...)) end
  io.stdout:write (table.concat (fields, "\t"), "\n")
  io.stdout:flush ()
end

local real_ardour = ARDOUR ~= nil
if not real_ardour then
  local rate = assert (tonumber (os.getenv ("V2M_RATE")), "V2M_RATE")
  Session = { nominal_sample_rate = function (self) return rate end }
  C = {
    StringVector = function ()
      local items = {}
      return {
        push_back = function (self, text) items[#items + 1] = text end,
        iter = function (self) local i = 0; return function () i = i + 1; return items[i] end end,
      }
    end,
  }
  local function null () return { isnil = function (self) return true end } end
  -- The values Ardour 7.3's bindings give these (printed by ardour7-lua).
  ARDOUR = {
    SrcQuality = { SrcBest = 0 },
    MidiTrackNameSource = { SMFTrackName = 1 },
    MidiTempoMapDisposition = { SMFTempoIgnore = 0 },
    PluginInfo = null,
    Track = null,
  }
  Temporal = { timepos_t = function (samples) return { samples = function (self) return samples end } end }
else
  AudioEngine:set_backend ("None (Dummy)", "", "")
  assert (AudioEngine:start (false) == 0, "the Dummy backend did not start")
  assert (load_session (os.getenv ("V2M_SESSION_DIR"), os.getenv ("V2M_SESSION_NAME")), "cannot load the session")
end

local function named (value, names)
  for name, v in pairs (names) do if v == value then return name end end
  return "?" .. tostring (value)
end

-- gtk2_ardour's namespace: nil outside the GUI, even in ardour7-lua.
Editing = { ImportDistinctFiles = "ImportDistinctFiles", ImportAsTrack = "ImportAsTrack" }
if os.getenv ("V2M_EDITOR") ~= "0" then
  Editor = {
    do_import = function (self, files, disposition, mode, quality, midi_names, tempo, position, instrument,
                          track, markers)
      assert (self == Editor, "Editor:do_import, called as a method")
      local list = {}
      for file in files:iter () do list[#list + 1] = file end
      record ("do_import", table.concat (list, "|"), disposition, mode, named (quality, { SrcBest = ARDOUR.SrcQuality.SrcBest }),
        named (midi_names, { SMFTrackName = ARDOUR.MidiTrackNameSource.SMFTrackName }),
        named (tempo, { SMFTempoIgnore = ARDOUR.MidiTempoMapDisposition.SMFTempoIgnore }),
        position:samples (), instrument:isnil () and "no instrument" or "instrument",
        track:isnil () and "new tracks" or "a track", markers)
    end,
  }
  local answer = os.getenv ("V2M_DIALOG") or ""
  LuaDialog = {
    Dialog = function (title, fields)
      return { run = function (self)
        record ("Dialog", title)
        if answer == "" then return nil end
        return { manifest = answer }
      end }
    end,
    Message = function (title, text, kind, buttons)
      return { run = function (self) record ("Message", (text:gsub ("\n", " / "))) end }
    end,
    MessageType = { Info = 0 },
    ButtonType = { Close = 0 },
  }
end

function ardour (descriptor) record ("descriptor", descriptor["type"], descriptor.name) end
local print_real = print
if LuaDialog then print = function () end end -- the script prints what it also shows: keep one copy
dofile (assert (os.getenv ("V2M_SCRIPT"), "V2M_SCRIPT"))
factory () ()
print = print_real
if real_ardour then close_session () end
record ("harness done")
