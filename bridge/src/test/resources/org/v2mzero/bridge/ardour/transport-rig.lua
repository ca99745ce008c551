-- The DAW side of ArdourLuaRig, run by ardour7-lua: loads a session whose OSC surface is on, on Ardour's
-- JACK-free Dummy backend, and then, until told to quit,
--   * prints the transport as Ardour itself sees it whenever it changes:
--       v2m-truth <monotonic microseconds> <transport sample> <1 rolling | 0 stopped>
--     (ARDOUR.LuaAPI.monotonic_time is g_get_monotonic_time, CLOCK_MONOTONIC, the clock of Java's
--     System.nanoTime on Linux, so the test can extrapolate the truth to its own "now");
--   * runs the commands the test writes, one per file, <V2M_COMMANDS>-1, -2, ... in order (each written
--     whole by a rename, removed here once read), and answers each with "v2m-ack <n>" after a fresh
--     truth line: "locate <sample>" (the user moved the playhead: keeps rolling or stopped), "play" and
--     "stop" (the user pressed the transport's buttons), "report", "quit".
-- Environment: V2M_SESSION_DIR, V2M_SESSION_NAME, V2M_COMMANDS.

local function say (line)
  io.stdout:write (line, "\n")
  io.stdout:flush ()
end

AudioEngine:set_backend ("None (Dummy)", "", "")
-- 128 samples at 48 kHz: the transport moves every 2.7 ms, so Ardour's own position is fine-grained.
AudioEngine:set_buffer_size (128)
AudioEngine:set_sample_rate (48000)
assert (AudioEngine:start (false) == 0, "the Dummy backend did not start")
local session = load_session (os.getenv ("V2M_SESSION_DIR"), os.getenv ("V2M_SESSION_NAME"))
assert (session, "cannot load the session")
local commands = os.getenv ("V2M_COMMANDS")
say ("v2m-ready")

local last_sample, last_rolling = -1, nil

local function report (always)
  local now = ARDOUR.LuaAPI.monotonic_time ()
  local sample, rolling = session:transport_sample (), session:transport_rolling ()
  if always or sample ~= last_sample or rolling ~= last_rolling then
    say (string.format ("v2m-truth %d %d %d", now, sample, rolling and 1 or 0))
    last_sample, last_rolling = sample, rolling
  end
end

-- Runs one command; false for "quit".
local function run (command)
  local verb, arg = command:match ("^(%S+)%s*(%S*)")
  if verb == "locate" then
    local ltd = session:transport_rolling () and ARDOUR.LocateTransportDisposition.MustRoll
                or ARDOUR.LocateTransportDisposition.MustStop
    session:request_locate (tonumber (arg), false, ltd, ARDOUR.TransportRequestSource.TRS_UI)
  elseif verb == "play" then
    session:request_roll (ARDOUR.TransportRequestSource.TRS_UI)
  elseif verb == "stop" then
    session:request_stop (false, false, ARDOUR.TransportRequestSource.TRS_UI)
  elseif verb == "quit" then
    return false
  elseif verb ~= "report" then
    error ("unknown command: " .. command)
  end
  return true
end

local next_command, running = 1, true
while running do
  report (false)
  local name = commands .. "-" .. next_command
  local file = io.open (name, "r")
  if file then
    local command = file:read ("*l") or ""
    file:close ()
    os.remove (name)
    running = run (command)
    report (true)
    say ("v2m-ack " .. next_command)
    next_command = next_command + 1
  end
  ARDOUR.LuaAPI.usleep (1000)
end
close_session ()
say ("v2m-done")
