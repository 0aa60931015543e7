%% Girder's conformance runner: runs one OTP test suite without common_test,
%% on erl or girder, and prints one line per case:
%%   CASE Suite Case ok|failed|skipped|timeout [detail]
-module(gd_runner).
-export([main/1]).

%% Args (from -run): Suite DataDir PrivDir CaseTimeoutMs [Case...]
%% With cases named (as printed: group/case), only those run.
main([SuiteS, DataDir, PrivDir, TimeoutS | Only]) ->
    Suite = list_to_atom(SuiteS),
    Timeout = list_to_integer(TimeoutS),
    put(gd_only, [list_to_atom(C) || C <- Only]),
    Config0 = [{data_dir, slash(DataDir)}, {priv_dir, slash(PrivDir)},
               {watchdog, undefined}],
    put(gd_timeout, Timeout),
    case code:ensure_loaded(Suite) of
        {module, Suite} -> run_suite(Suite, Config0);
        Error -> line(Suite, '-', failed, {load, Error})
    end,
    io:put_chars("\nSUITE_DONE\n"),
    halt(0).

slash(Dir) ->
    case lists:last(Dir) of
        $/ -> Dir;
        _ -> Dir ++ "/"
    end.

%% ---- expanding all/0 and groups/0 into a tree ----------------------------

%% A test item: {tc, Name} | {group, Name, Items}.
expand(Suite) ->
    Groups = case erlang:function_exported(Suite, groups, 0) of
                 true -> Suite:groups();
                 false -> []
             end,
    [I || E <- Suite:all(), I <- item(E, Groups, [])].

item(Case, _Groups, _Seen) when is_atom(Case) -> [{tc, Case}];
item({testcase, Case, _Props}, _Groups, _Seen) -> [{tc, Case}];
item({group, G}, Groups, Seen) -> group(G, Groups, Seen);
item({group, G, _Props}, Groups, Seen) -> group(G, Groups, Seen);
item({group, G, _Props, _Sub}, Groups, Seen) -> group(G, Groups, Seen);
item({G, Props, Members}, Groups, Seen) when is_atom(G), is_list(Props) ->
    [{group, G, [I || M <- Members, I <- item(M, Groups, [G | Seen])]}];
item({G, Members}, Groups, Seen) when is_atom(G), is_list(Members) ->
    item({G, [], Members}, Groups, Seen);
item(_Other, _Groups, _Seen) -> [].

group(G, Groups, Seen) ->
    case lists:member(G, Seen) of
        true -> [];
        false ->
            case [D || D <- Groups, element(1, D) =:= G] of
                [{G, _Props, Members} | _] ->
                    [{group, G, [I || M <- Members,
                                      I <- item(M, Groups, [G | Seen])]}];
                [{G, Members} | _] ->
                    [{group, G, [I || M <- Members,
                                      I <- item(M, Groups, [G | Seen])]}];
                [] -> []
            end
    end.

%% ---- running ---------------------------------------------------------

run_suite(Suite, Config0) ->
    case catch expand(Suite) of
        {'EXIT', R} -> line(Suite, '-', failed, {all_or_groups, R});
        Items ->
            case conf(Suite, init_per_suite, [Config0]) of
                {ok, Config} ->
                    run_items(Suite, Items, Config, []),
                    _ = conf(Suite, end_per_suite, [Config]);
                {skip, Why} ->
                    skip_items(Suite, Items, [], {init_per_suite, Why});
                {fail, Why} ->
                    fail_items(Suite, Items, [], {init_per_suite, Why})
            end
    end.

run_items(Suite, Items, Config, Path) ->
    lists:foreach(fun(I) -> run_item(Suite, I, Config, Path) end, Items).

run_item(Suite, {tc, Case}, Config, Path) ->
    run_case(Suite, Case, Config, Path);
run_item(Suite, {group, G, Items}, Config0, Path) ->
    Config1 = [{tc_group_properties, []}, {tc_group_path, []} | Config0],
    Path1 = Path ++ [G],
    case conf(Suite, init_per_group, [G, Config1]) of
        {ok, Config} ->
            run_items(Suite, Items, Config, Path1),
            _ = conf(Suite, end_per_group, [G, Config]);
        {skip, Why} -> skip_items(Suite, Items, Path1, {init_per_group, Why});
        {fail, Why} -> fail_items(Suite, Items, Path1, {init_per_group, Why})
    end.

skip_items(Suite, Items, Path, Why) ->
    each_case(Items, Path, fun(C, P) -> line(Suite, key(P, C), skipped, Why) end).
fail_items(Suite, Items, Path, Why) ->
    each_case(Items, Path, fun(C, P) -> line(Suite, key(P, C), failed, Why) end).

each_case(Items, Path, Fun) ->
    lists:foreach(fun({tc, C}) -> Fun(C, Path);
                     ({group, G, Sub}) -> each_case(Sub, Path ++ [G], Fun)
                  end, Items).

key([], Case) -> Case;
key(Path, Case) ->
    list_to_atom(lists:flatten([[atom_to_list(G), "/"] || G <- Path]
                               ++ atom_to_list(Case))).

%% A configuration function: missing means pass the config through.
%% Returns {ok, Config} | {skip, Why} | {fail, Why}.
conf(Suite, F, Args) ->
    case erlang:function_exported(Suite, F, length(Args)) of
        false -> {ok, lists:last(Args)};
        true ->
            case in_process(fun() -> apply(Suite, F, Args) end) of
                {value, Config} when is_list(Config) -> {ok, Config};
                {value, {skip, Why}} -> {skip, Why};
                {value, {skipped, Why}} -> {skip, Why};
                {value, {fail, Why}} -> {fail, Why};
                {value, _Other} when F =:= end_per_suite; F =:= end_per_group ->
                    {ok, []};
                {value, Other} -> {fail, {bad_return, Other}};
                {crash, Why} -> {fail, Why};
                timeout -> {fail, timeout}
            end
    end.

%% One case: init_per_testcase, the case and end_per_testcase run in one fresh
%% process, as common_test runs them.
run_case(Suite, Case, Config, Path) ->
    Key = key(Path, Case),
    case get(gd_only) of
        [] -> run_one_case(Suite, Case, Config, Key);
        Only -> case lists:member(Key, Only) of
                    true -> run_one_case(Suite, Case, Config, Key);
                    false -> ok
                end
    end.

run_one_case(Suite, Case, Config, Key) ->
    Body =
        fun() ->
                C1 = case erlang:function_exported(Suite, init_per_testcase, 2) of
                         true -> Suite:init_per_testcase(Case, Config);
                         false -> Config
                     end,
                case C1 of
                    {skip, W} -> {skip, W};
                    {skipped, W} -> {skip, W};
                    {fail, W} -> {fail, {init_per_testcase, W}};
                    _ when is_list(C1) ->
                        R = Suite:Case(C1),
                        case erlang:function_exported(Suite, end_per_testcase, 2) of
                            true -> catch Suite:end_per_testcase(Case, C1);
                            false -> ok
                        end,
                        R;
                    _ -> {fail, {init_per_testcase, {bad_return, C1}}}
                end
        end,
    case in_process(Body) of
        {value, {skip, Why}} -> line(Suite, Key, skipped, Why);
        {value, {skipped, Why}} -> line(Suite, Key, skipped, Why);
        {value, {fail, Why}} -> line(Suite, Key, failed, Why);
        {value, _} -> line(Suite, Key, ok, "");
        {crash, {skipped, Why}} -> line(Suite, Key, skipped, Why);
        {crash, {skip, Why}} -> line(Suite, Key, skipped, Why);
        {crash, Why} -> line(Suite, Key, failed, Why);
        timeout -> line(Suite, Key, timeout, "")
    end.

%% Runs Fun in a fresh process with the case time limit.
in_process(Fun) ->
    Timeout = get(gd_timeout),
    Me = self(),
    {Pid, Ref} =
        spawn_monitor(fun() ->
                              R = try {value, Fun()}
                                  catch
                                      exit:Why -> {crash, Why};
                                      error:Why:St -> {crash, {Why, St}};
                                      throw:Why -> {crash, {{nocatch, Why}, []}}
                                  end,
                              Me ! {self(), gd_result, R}
                      end),
    receive
        {Pid, gd_result, R} ->
            erlang:demonitor(Ref, [flush]),
            R;
        {'DOWN', Ref, process, Pid, Why} ->
            {crash, Why}
    after Timeout ->
            exit(Pid, kill),
            receive {'DOWN', Ref, process, Pid, _} -> ok end,
            timeout
    end.

%% ---- output ----------------------------------------------------------

line(Suite, Key, Status, Detail) ->
    %% A reason that does not format (a VM bug) must not stop the run.
    D = case Detail of
            "" -> "";
            _ -> try [" ", lists:flatten(summary(Detail))]
                 catch _:_ -> " (reason does not format: bad term?)"
                 end
        end,
    io:put_chars(["\nCASE ", atom_to_list(Suite), " ", atom_to_list(Key), " ",
                  atom_to_list(Status), D, "\n"]).

%% A one-line, short reason: the error and where it happened.
summary({undef, [{M, F, A, _} | _]}) ->
    io_lib:format("undef: ~w:~w/~w", [M, F, arity(A)]);
summary({Why, [{M, F, A, _} | _]}) ->
    io_lib:format("~ts in ~w:~w/~w", [short(Why), M, F, arity(A)]);
summary(Why) -> short(Why).

arity(A) when is_list(A) -> length(A);
arity(A) -> A.

short(Term) ->
    S = lists:flatten(io_lib:format("~0tp", [Term])),
    S1 = squeeze([case C of $\n -> $\s; $\r -> $\s; $\t -> $\s; _ -> C end
                  || C <- S]),
    case length(S1) > 120 of
        true -> lists:sublist(S1, 120) ++ "...";
        false -> S1
    end.

squeeze([$\s, $\s | T]) -> squeeze([$\s | T]);
squeeze([C | T]) -> [C | squeeze(T)];
squeeze([]) -> [].
