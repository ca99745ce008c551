ardour {
	["type"]    = "EditorAction",
	name        = "V2M-Zero: import a take's stems",
	author      = "V2M-Zero",
	description = [[Reads a V2M-Zero take's manifest.json and imports every stem WAV it lists onto a new
track of its own (named after the file, i.e. the stem), all starting at the take's place on the timeline:
the manifest's timelineOffsetSeconds at the session's sample rate. Ardour resamples a take of another rate.]]
}

-- Editor:do_import exists only in Ardour's editor (the GUI): run this from Edit > Lua Scripts. Headless
-- (ardour7-lua, hardour) there is no Editor and Ardour 7.3's Lua API has no other import call; record the
-- stems into tracks instead (README.md). Without a dialog, the manifest comes from the global or the
-- environment variable V2M_MANIFEST.

function factory (unused) return function ()

	-- The take of the manifest at `path`: { id, offset (seconds), stems = { { name, path } } }, or nil and
	-- why. The daemon's manifests are Jackson-written JSON whose "stems" array holds flat objects with
	-- "name" and "wav" (a file in the take's folder), so balanced-bracket matching finds them.
	local function read_take (path)
		local file = io.open (path, "rb")
		if not file then return nil, "cannot read " .. path end
		local json = file:read ("a")
		file:close ()
		local folder = path:match ("^(.*[/\\])") or ""
		local offset = tonumber (json:match ('"timelineOffsetSeconds"%s*:%s*([-+%d.eE]+)'))
		local stems = json:match ('"stems"%s*:%s*(%b[])')
		if not offset or not stems then
			return nil, path .. ": no timelineOffsetSeconds or stems (is it a V2M-Zero take's manifest.json?)"
		end
		if offset < 0 then return nil, path .. ": timelineOffsetSeconds " .. offset .. " (expected: >= 0)" end
		local take = { id = json:match ('"takeId"%s*:%s*"([^"]+)"') or path, offset = offset, stems = {} }
		for object in stems:gmatch ("%b{}") do
			local name, wav = object:match ('"name"%s*:%s*"([^"]+)"'), object:match ('"wav"%s*:%s*"([^"]+)"')
			if name and wav then take.stems[#take.stems + 1] = { name = name, path = folder .. wav } end
		end
		if #take.stems == 0 then return nil, path .. ": the \"stems\" array names no stem WAV" end
		return take
	end

	local function ask ()
		if LuaDialog then
			local rv = LuaDialog.Dialog ("V2M-Zero: import a take's stems", {
				{ type = "file", key = "manifest", title = "Take's manifest.json", path = "" },
			}):run ()
			return rv and rv["manifest"]
		end
		return V2M_MANIFEST or os.getenv ("V2M_MANIFEST")
	end

	local function say (text)
		if LuaDialog then LuaDialog.Message ("V2M-Zero", text, LuaDialog.MessageType.Info, LuaDialog.ButtonType.Close):run () end
		print (text)
	end

	local function exists (path)
		local file = io.open (path, "rb")
		if file then file:close () end
		return file ~= nil
	end

	local manifest = ask ()
	if not manifest or manifest == "" then return end
	local take, err = read_take (manifest)
	if not take then say (err); return end
	if not Editor then
		say ("Editor:do_import exists only in Ardour's editor: run this from Edit > Lua Scripts in Ardour.")
		return
	end

	local position = math.floor (take.offset * Session:nominal_sample_rate () + 0.5) -- samples
	local files, count, missing = C.StringVector (), 0, {}
	for _, stem in ipairs (take.stems) do
		if exists (stem.path) then
			files:push_back (stem.path)
			count = count + 1
		else
			missing[#missing + 1] = stem.name .. " (" .. stem.path .. ")"
		end
	end
	if count > 0 then
		-- Each file on a new track of its own (distinct files, as tracks), at the take's position.
		Editor:do_import (files, Editing.ImportDistinctFiles, Editing.ImportAsTrack, ARDOUR.SrcQuality.SrcBest,
			ARDOUR.MidiTrackNameSource.SMFTrackName, ARDOUR.MidiTempoMapDisposition.SMFTempoIgnore,
			Temporal.timepos_t (position), ARDOUR.PluginInfo (), ARDOUR.Track (), false)
	end
	local summary = "imported " .. count .. " of " .. #take.stems .. " stems of take " .. take.id .. " at "
		.. take.offset .. " s (sample " .. position .. ")"
	if #missing > 0 then summary = summary .. "\nnot found: " .. table.concat (missing, ", ") end
	say (summary)
end end
