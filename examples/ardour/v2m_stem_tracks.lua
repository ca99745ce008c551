ardour {
	["type"]    = "EditorAction",
	name        = "V2M-Zero: tracks for a take's stems",
	author      = "V2M-Zero",
	description = [[Reads a V2M-Zero take's manifest.json and makes one stereo audio track per stem, named
after the stem, with its inputs connected to the daemon's JACK ports <client>:<stem>_L and <stem>_R
(client "v2m" unless changed). A track of that name that exists already is reused, so running it
again only repairs the connections. Arm the tracks and roll to record the stems.]]
}

-- Headless use (ardour7-lua, where there is no dialog): set the globals V2M_MANIFEST (path of the take's
-- manifest.json) and optionally V2M_CLIENT before running factory () (), or the environment variables of
-- the same names.

function factory (unused) return function ()

	-- The stem names of a manifest, in order. The daemon's manifests are Jackson-written JSON whose "stems"
	-- array holds flat objects, so a balanced-bracket match finds the array and each "name" in it.
	local function stem_names (path)
		local file = io.open (path, "r")
		if not file then return nil, "cannot read " .. path end
		local json = file:read ("*a")
		file:close ()
		local stems = json:match ('"stems"%s*:%s*(%b[])')
		if not stems then return nil, path .. ": no \"stems\" array (is it a V2M-Zero take's manifest.json?)" end
		local names = {}
		for name in stems:gmatch ('"name"%s*:%s*"([^"]+)"') do names[#names + 1] = name end
		if #names == 0 then return nil, path .. ": the \"stems\" array names no stem" end
		return names
	end

	-- The manifest and the JACK client: from a dialog in Ardour's editor, else from globals or the environment.
	local function ask ()
		if LuaDialog then
			local rv = LuaDialog.Dialog ("V2M-Zero: tracks for a take's stems", {
				{ type = "file", key = "manifest", title = "Take's manifest.json", path = "" },
				{ type = "entry", key = "client", title = "Daemon's JACK client", default = "v2m" },
			}):run ()
			if not rv then return nil end
			return rv["manifest"], rv["client"]
		end
		return V2M_MANIFEST or os.getenv ("V2M_MANIFEST"), V2M_CLIENT or os.getenv ("V2M_CLIENT") or "v2m"
	end

	local function say (text)
		if LuaDialog then LuaDialog.Message ("V2M-Zero", text, LuaDialog.MessageType.Info, LuaDialog.ButtonType.Close):run () end
		print (text)
	end

	-- The stereo track named `name`, made if the session has no route of that name.
	local function track_for (name)
		local route = Session:route_by_name (name)
		if not route:isnil () then
			local track = route:to_track ()
			if track:isnil () or track:input ():n_ports ():n_audio () < 2 then
				return nil, "'" .. name .. "' exists but is not a stereo audio track"
			end
			return track
		end
		local added = Session:new_audio_track (2, 2, nil, 1, name, ARDOUR.PresentationInfo.max_order,
		                                       ARDOUR.TrackMode.Normal, false)
		if added:size () ~= 1 then return nil, "cannot add track '" .. name .. "'" end
		return added:front ()
	end

	-- Inputs 1 and 2 of `track` from <client>:<stem>_L and _R, and from nothing else.
	local function connect (track, client, stem)
		local input = track:input ()
		input:disconnect_all (nil)
		for channel, side in ipairs ({ "_L", "_R" }) do
			local port = input:audio (channel - 1)
			local source = client .. ":" .. stem .. side
			if port:connect (source) ~= 0 then return "cannot connect " .. source .. " to " .. port:name () end
		end
		return nil
	end

	local manifest, client = ask ()
	if not manifest or manifest == "" then return end
	local stems, err = stem_names (manifest)
	if not stems then say (err); return end

	local problems, connected = {}, 0
	for _, stem in ipairs (stems) do
		local track, why = track_for (stem)
		if track then why = connect (track, client, stem) end
		if why then problems[#problems + 1] = why else connected = connected + 1 end
	end
	local summary = connected .. " of " .. #stems .. " stem tracks connected to " .. client .. ":<stem>_L/_R"
	if #problems > 0 then
		summary = summary .. "\n" .. table.concat (problems, "\n")
			.. "\n(is the daemon running on Ardour's JACK server? Run this again once it is.)"
	end
	say (summary)
end end
