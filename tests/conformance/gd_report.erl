%% Conformance report: compares the per-case results of erl and girder
%% (written by gd_runner), checks them against known_failures.txt, prints the
%% table and writes latest.json. Runs on erl; halts 0, or 1 on a regression.
-module(gd_report).
-export([main/1]).

%% Args: OutDir KnownFile Update(0|1) VmName Suite...
main([OutDir, KnownFile, Update, VmName | SuiteNames]) ->
    Suites = [list_to_atom(S) || S <- SuiteNames],
    Known = read_known(KnownFile),
    Rows = [suite_row(OutDir, S) || S <- Suites],
    Fails = lists:append([F || {_, _, _, F} <- Rows]),
    Regressions = [F || {S, C, _} = F <- Fails, not maps:is_key({S, C}, Known)],
    FailKeys = maps:from_list([{{S, C}, true} || {S, C, _} <- Fails]),
    Stale = lists:sort([{S, C} || {S, C} <- maps:keys(Known),
                                  lists:member(S, Suites),
                                  not maps:is_key({S, C}, FailKeys)]),
    print_table(Rows, VmName),
    write_json(filename:join(OutDir, "latest.json"), Rows, VmName),
    write_list(filename:join(OutDir, "failures.txt"), Fails, Known),
    case Update of
        "1" ->
            Kept = [{S, C, R} || {{S, C}, R} <- lists:sort(maps:to_list(Known)),
                                 not lists:member(S, Suites)],
            write_list(KnownFile, Kept ++ Fails, Known),
            io:format("~nrewrote ~s~n", [KnownFile]),
            halt(0);
        _ -> ok
    end,
    [io:format("REGRESSION ~s ~s: ~ts~n", [S, C, R]) || {S, C, R} <- Regressions],
    [io:format("NOW PASSES (remove from ~s): ~s ~s~n", [KnownFile, S, C])
     || {S, C} <- Stale],
    case Regressions =:= [] andalso Stale =:= [] of
        true -> io:format("~nconformance: OK (known failures: ~w)~n",
                          [length(Fails)]),
                halt(0);
        false -> io:format("~nconformance: FAILED (~w regressions, ~w listed "
                           "cases now pass)~n",
                           [length(Regressions), length(Stale)]),
                 halt(1)
    end.

%% {Suite, ErlOk, VmOk, [{Suite, Case, Reason}]} for cases ok on erl only.
suite_row(OutDir, Suite) ->
    Erl = read_results(filename:join([OutDir, "erl", atom_to_list(Suite) ++ ".out"])),
    Vm = read_results(filename:join([OutDir, "vm", atom_to_list(Suite) ++ ".out"])),
    ErlOk = [C || {C, {ok, _}} <- Erl],
    VmMap = maps:from_list(Vm),
    Fails = [{Suite, C, vm_reason(maps:get(C, VmMap, missing))}
             || C <- ErlOk, maps:get(C, VmMap, missing) =/= {ok, ""}],
    {Suite, length(ErlOk), length(ErlOk) - length(Fails), Fails}.

vm_reason(missing) -> "no result: the VM crashed or hit the suite time limit";
vm_reason({timeout, _}) -> "timeout";
vm_reason({ok, _}) -> "ok";
vm_reason({Status, ""}) -> atom_to_list(Status);
vm_reason({_Status, Detail}) -> Detail.

%% [{Case, {Status, Detail}}] in run order; a repeated case keeps its first result.
read_results(File) ->
    case file:read_file(File) of
        {ok, Bin} ->
            Lines = binary:split(Bin, <<"\n">>, [global]),
            dedup([R || <<"CASE ", _/binary>> = L <- Lines, R <- parse_case(L)], #{});
        _ -> []
    end.

parse_case(Line) ->
    case string:split(unicode:characters_to_list(Line), " ", all) of
        [_, _Suite, Case, Status | Rest] when Status =:= "ok";
                                              Status =:= "failed";
                                              Status =:= "skipped";
                                              Status =:= "timeout" ->
            Detail = lists:flatten(lists:join(" ", Rest)),
            [{list_to_atom(Case), {list_to_atom(Status), Detail}}];
        _ -> []
    end.

dedup([], _) -> [];
dedup([{C, _} = R | T], Seen) ->
    case maps:is_key(C, Seen) of
        true -> dedup(T, Seen);
        false -> [R | dedup(T, Seen#{C => true})]
    end.

%% known_failures.txt: "Suite Case reason..." per line; # comments.
read_known(File) ->
    case file:read_file(File) of
        {ok, Bin} ->
            maps:from_list(
              [known_line(L) || L <- string:split(unicode:characters_to_list(Bin),
                                                  "\n", all),
                                string:trim(L) =/= "", hd(string:trim(L)) =/= $#]);
        _ -> #{}
    end.

known_line(L) ->
    [S, Rest0] = string:split(string:trim(L), " "),
    [C | Rest] = string:split(string:trim(Rest0), " "),
    {{list_to_atom(S), list_to_atom(C)}, string:trim(lists:flatten(Rest))}.

write_list(File, Fails, Known) ->
    Lines = [io_lib:format("~s ~s ~ts~n", [S, C, maps:get({S, C}, Known, R)])
             || {S, C, R} <- lists:sort(Fails)],
    Head = "# Cases that pass on erl and fail on girder: Suite Case reason.\n"
           "# Regenerate with tools/conformance.sh --update (keeps reasons).\n"
           "# \"by design:\" marks what girder cannot pass (ERTS internals);\n"
           "# \"missing:\" a feature girder has not got yet.\n",
    ok = file:write_file(File, unicode:characters_to_binary([Head | Lines])).

print_table(Rows, VmName) ->
    io:format("~n~-24s ~8s ~8s ~7s~n", ["suite", "erl", VmName, "%"]),
    [io:format("~-24s ~8w ~8w ~7s~n", [S, E, V, pct(V, E)]) || {S, E, V, _} <- Rows],
    TE = lists:sum([E || {_, E, _, _} <- Rows]),
    TV = lists:sum([V || {_, _, V, _} <- Rows]),
    io:format("~-24s ~8w ~8w ~7s~n", ["TOTAL", TE, TV, pct(TV, TE)]).

pct(_, 0) -> "-";
pct(V, E) -> io_lib:format("~.1f", [100 * V / E]).

write_json(File, Rows, VmName) ->
    TE = lists:sum([E || {_, E, _, _} <- Rows]),
    TV = lists:sum([V || {_, _, V, _} <- Rows]),
    SuiteJson = lists:join(",\n",
                           [io_lib:format("    {\"suite\": \"~w\", \"erl_ok\": ~w, "
                                          "\"vm_ok\": ~w, \"failing\": [~s]}",
                                          [S, E, V, lists:join(", ",
                                                               [["\"", atom_to_list(C), "\""]
                                                                || {_, C, _} <- F])])
                            || {S, E, V, F} <- Rows]),
    Json = io_lib:format("{\n  \"vm\": \"~s\",\n  \"total\": {\"erl_ok\": ~w, "
                         "\"vm_ok\": ~w},\n  \"suites\": [\n~s\n  ]\n}\n",
                         [VmName, TE, TV, SuiteJson]),
    ok = file:write_file(File, unicode:characters_to_binary(Json)).
