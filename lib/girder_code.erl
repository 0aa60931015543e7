%% girder_code.erl — the code server of girder's fast boot.
%% Registered as `code_server`, it answers the requests kernel's `code`
%% module sends (ensure_loaded, load_file, is_loaded, get_path, ...) so
%% that `code` itself runs unmodified. Loading is done by the C loader
%% through girder:* BIFs; the code path is the C loader's path.
-module(girder_code).
-export([start/0, init/0]).

start() ->
    case whereis(code_server) of
        undefined ->
            Pid = spawn(?MODULE, init, []),
            register(code_server, Pid),
            Pid;
        Pid ->
            Pid
    end.

init() ->
    loop().

loop() ->
    receive
        {code_call, Pid, Req} ->
            Pid ! {code_server, handle(Req)},
            loop();
        _ ->
            loop()
    end.

handle({ensure_loaded, Mod}) when is_atom(Mod) ->
    girder:ensure_loaded(Mod);
handle({load_file, Mod}) when is_atom(Mod) ->
    case girder:find_file(Mod) of
        nofile -> {error, nofile};
        Path -> load_path(Mod, Path)
    end;
handle({load_abs, File, Mod}) when is_atom(Mod) ->
    load_path(Mod, filename:rootname(File, ".beam") ++ ".beam");
handle({load_binary, Mod, _File, Bin}) when is_atom(Mod) ->
    load_binary(Mod, Bin);
handle({delete, Mod}) when is_atom(Mod) ->
    case catch erlang:delete_module(Mod) of
        true -> true;
        _ -> false
    end;
handle({purge, Mod}) when is_atom(Mod) ->
    case catch erlang:purge_module(Mod) of
        true -> true;
        _ -> false
    end;
handle({soft_purge, Mod}) when is_atom(Mod) ->
    _ = (catch erlang:purge_module(Mod)),
    true;
handle({is_loaded, Mod}) when is_atom(Mod) ->
    case girder:module_file(Mod) of
        false -> false;
        loaded_from_binary -> {file, []};
        Path -> {file, Path}
    end;
handle(all_loaded) ->
    [{M, file_of(M)} || M <- girder:loaded()];
handle(get_path) ->
    girder:code_path();
handle({set_path, Dirs}) ->
    girder:set_code_path([to_list(D) || D <- Dirs]),
    true;
handle({add_path, Where, Dir}) ->
    add_paths(Where, [Dir]);
handle({add_paths, Where, Dirs}) ->
    add_paths(Where, Dirs), ok;
handle({del_path, Name}) ->
    Path = girder:code_path(),
    Name1 = to_list(Name),
    case [D || D <- Path, D =:= Name1 orelse filename:basename(filename:dirname(D)) =:= Name1] of
        [] -> false;
        [Del|_] -> girder:set_code_path(lists:delete(Del, Path)), true
    end;
handle({replace_path, Name, Dir}) ->
    Path = girder:code_path(),
    Name1 = to_list(Name),
    New = [case app_name(D) =:= Name1 of true -> to_list(Dir); false -> D end || D <- Path],
    girder:set_code_path(New),
    true;
handle({dir, root_dir}) -> root_dir();
handle({dir, lib_dir}) -> filename:join(root_dir(), "lib");
handle({dir, {lib_dir, App}}) -> lib_dir(to_list(App));
handle({dir, {lib_dir, App, Sub}}) ->
    case lib_dir(to_list(App)) of
        {error, _} = E -> E;
        Dir -> filename:join(Dir, to_list(Sub))
    end;
handle({dir, compiler_dir}) -> lib_dir("compiler");
handle({get_object_code, Mod}) when is_atom(Mod) ->
    case girder:find_file(Mod) of
        nofile -> error;
        Path ->
            case girder:read_file(Path) of
                {ok, Bin} -> {Mod, Bin, Path};
                _ -> error
            end
    end;
handle({is_sticky, _Mod}) -> false;
handle({stick_dir, _}) -> ok;
handle({unstick_dir, _}) -> ok;
handle({stick_mod, _}) -> true;
handle({unstick_mod, _}) -> true;
handle(get_mode) -> interactive;
handle({finish_loading, Prepared, EnsureLoaded}) ->
    finish_loading(Prepared, EnsureLoaded);
handle(_Other) ->
    {error, notsup}.

load_path(Mod, Path) ->
    case girder:read_file(Path) of
        {ok, Bin} -> load_binary(Mod, Bin);
        _ -> {error, nofile}
    end.

load_binary(Mod, Bin) ->
    case erlang:module_loaded(Mod) andalso erlang:check_old_code(Mod) of
        true -> {error, not_purged};
        false ->
            case erlang:prepare_loading(Mod, Bin) of
                {error, _} = E -> E;
                Prep ->
                    case erlang:finish_loading([Prep]) of
                        ok -> {module, Mod};
                        {Reason, [Mod]} -> {error, Reason}
                    end
            end
    end.

finish_loading(Prepared, EnsureLoaded) ->
    Todo = case EnsureLoaded of
               true -> [P || {M, _} = P <- Prepared, not erlang:module_loaded(M)];
               false -> Prepared
           end,
    %% each item is {Mod, {PreparedRef, FileName}}
    case erlang:finish_loading([Ref || {_, {Ref, _File}} <- Todo]) of
        ok -> ok;
        {Reason, Mods} -> {error, [{M, Reason} || M <- Mods]}
    end.

add_paths(Where, Dirs) ->
    Dirs1 = [to_list(D) || D <- Dirs],
    Path = girder:code_path() -- Dirs1,
    New = case Where of
              first -> Dirs1 ++ Path;
              _ -> Path ++ Dirs1
          end,
    girder:set_code_path(New),
    true.

file_of(M) ->
    case girder:module_file(M) of
        loaded_from_binary -> [];
        false -> [];
        Path -> Path
    end.

root_dir() ->
    case os:getenv("GIRDER_OTP_ROOT") of
        false -> "/usr/lib/erlang";
        Root -> Root
    end.

lib_dir(App) ->
    Lib = filename:join(root_dir(), "lib"),
    Matches = [D || D <- girder:code_path(), app_name(D) =:= App,
                    lists:prefix(Lib, D)],
    case Matches of
        [D|_] -> filename:dirname(D);
        [] -> {error, bad_name}
    end.

%% ".../lib/stdlib-4.2/ebin" -> "stdlib"
app_name(Dir) ->
    Base = filename:basename(filename:dirname(Dir)),
    case string:split(Base, "-", trailing) of
        [Name, _Vsn] -> Name;
        _ -> Base
    end.

to_list(B) when is_binary(B) -> binary_to_list(B);
to_list(A) when is_atom(A) -> atom_to_list(A);
to_list(L) -> L.
