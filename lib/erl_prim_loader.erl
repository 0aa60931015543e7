%% erl_prim_loader.erl — girder's primitive loader for the fast boot.
%% Replaces OTP's preloaded erl_prim_loader (which talks to a loader
%% process over prim_file) with direct calls to girder's file BIFs, keeping
%% the API that kernel's `code` uses: get_file/1, get_modules/2,3,
%% get_path/0, set_path/1, list_dir/1, read_file_info/1, get_cwd/0.
-module(erl_prim_loader).
-export([start/0, set_path/1, get_path/0, get_file/1, list_dir/1,
         read_file_info/1, read_link_info/1, get_cwd/0, get_cwd/1,
         get_modules/2, get_modules/3, is_basename/1, purge_archive_cache/0]).

start() -> {ok, self()}.

set_path(Path) -> girder:set_code_path(Path), ok.
get_path() -> {ok, girder:code_path()}.

get_file(File) ->
    Name = to_list(File),
    case girder:read_file(Name) of
        {ok, Bin} -> {ok, Bin, Name};
        _ -> error
    end.

get_modules(Mods, Fun) -> get_modules(Mods, Fun, girder:code_path()).

get_modules(Mods, Fun, Path) ->
    Res = [get_module(M, Fun, Path) || M <- Mods],
    {ok, {[{M, R} || {ok, M, R} <- Res], [{M, E} || {error, M, E} <- Res]}}.

get_module(Mod, Fun, Path) ->
    File = atom_to_list(Mod) ++ ".beam",
    case find(File, Path) of
        {ok, Bin, Full} ->
            case Fun(Mod, Full, Bin) of
                {ok, Res} -> {ok, Mod, Res};
                {error, Error} -> {error, Mod, Error}
            end;
        error ->
            {error, Mod, enoent}
    end.

find(_File, []) -> error;
find(File, [Dir|Dirs]) ->
    Full = filename:join(Dir, File),
    case girder:read_file(Full) of
        {ok, Bin} -> {ok, Bin, Full};
        _ -> find(File, Dirs)
    end.

list_dir(_Dir) -> error.
read_file_info(_File) -> error.
read_link_info(_File) -> error.
get_cwd() -> error.
get_cwd(_Drive) -> error.
is_basename(File) -> filename:basename(File) =:= File.
purge_archive_cache() -> ok.

to_list(B) when is_binary(B) -> binary_to_list(B);
to_list(L) -> L.
