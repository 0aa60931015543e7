%% proc_stress_links.erl — random links, monitors and kills among many
%% processes; checks that every monitor fires exactly once with the right
%% reason, that linked trapping processes get exactly one 'EXIT' per dead
%% partner, and that the VM ends with only the processes it started with.
-module(proc_stress_links).
-export([main/0]).

-define(N, 2000).

main() ->
    rand:seed(exsss, {1, 2, 3}),
    Before = length(processes()),
    %% 1. monitors: N workers, each killed or told to exit with a reason
    Workers = [spawn(fun worker/0) || _ <- lists:seq(1, ?N)],
    Mons = maps:from_list([{erlang:monitor(process, W), W} || W <- Workers]),
    Kinds = [case rand:uniform(3) of 1 -> kill; 2 -> normal; 3 -> {shutdown, I} end
             || I <- lists:seq(1, ?N)],
    lists:foreach(fun({W, kill}) -> exit(W, kill);
                     ({W, R}) -> W ! {exit, R} end, lists:zip(Workers, Kinds)),
    Expected = maps:from_list([{W, case K of kill -> killed; _ -> K end}
                               || {W, K} <- lists:zip(Workers, Kinds)]),
    Downs = collect_downs(maps:size(Mons), #{}),
    Ok = maps:fold(fun(Ref, W, Acc) ->
                           Acc andalso maps:get(Ref, Downs, none) =:= {W, maps:get(W, Expected)}
                   end, true, Mons),
    io:format("monitors fired: ~p, each once with its reason: ~p~n", [maps:size(Downs), Ok]),
    receive {'DOWN', _, _, _, _} -> io:format("extra DOWN~n") after 100 -> ok end,
    %% 2. links: trapping watchers linked to random victims
    Self = self(),
    Watchers = [spawn(fun() -> watcher(Self) end) || _ <- lists:seq(1, 100)],
    Victims = [spawn(fun worker/0) || _ <- lists:seq(1, 500)],
    Links = [{Wt, lists:usort([lists:nth(rand:uniform(500), Victims) || _ <- lists:seq(1, 20)])}
             || Wt <- Watchers],
    [Wt ! {link_to, Vs} || {Wt, Vs} <- Links],
    [receive {linked, Wt} -> ok end || Wt <- Watchers],
    [exit(V, kill) || V <- Victims],
    Counts = [begin Wt ! {report, length(Vs)}, receive {count, Wt, C} -> C =:= length(Vs) end end
              || {Wt, Vs} <- Links],
    io:format("watchers with exactly one EXIT per link: ~p of ~p~n",
              [length([x || true <- Counts]), length(Counts)]),
    [exit(Wt, kill) || Wt <- Watchers],
    %% 3. a chain of spawn_link: killing one end takes down the rest
    Chain = chain(300),
    Ref = erlang:monitor(process, lists:last(Chain)),
    exit(hd(Chain), die),
    receive {'DOWN', Ref, process, _, R} -> io:format("chain end died with ~p~n", [R]) end,
    wait_settle(Before, 100),
    io:format("processes back to start: ~p~n", [length(processes()) =:= Before]).

worker() ->
    receive {exit, R} -> exit(R) end.

watcher(Parent) ->
    process_flag(trap_exit, true),
    receive {link_to, Vs} -> [link(V) || V <- Vs], Parent ! {linked, self()} end,
    receive {report, N} -> Parent ! {count, self(), count_exits(N, 0)} end,
    receive never -> ok end.

count_exits(0, C) ->
    receive {'EXIT', _, _} -> C + 1 after 50 -> C end;
count_exits(N, C) ->
    receive {'EXIT', _, killed} -> count_exits(N - 1, C + 1) after 5000 -> C end.

chain(N) ->
    Self = self(),
    First = spawn(fun() -> chain_link(N - 1, Self) end),
    collect_chain([First]).

chain_link(0, Parent) -> Parent ! {chain_done, self()}, receive never -> ok end;
chain_link(N, Parent) ->
    Next = spawn_link(fun() -> chain_link(N - 1, Parent) end),
    Parent ! {chain, Next},
    receive never -> ok end.

collect_chain(Acc) ->
    receive
        {chain, P} -> collect_chain([P | Acc]);
        {chain_done, _} -> lists:reverse(Acc)
    end.

collect_downs(0, Acc) -> Acc;
collect_downs(N, Acc) ->
    receive {'DOWN', Ref, process, W, R} ->
        case maps:is_key(Ref, Acc) of
            true -> collect_downs(N - 1, Acc#{Ref => twice});
            false -> collect_downs(N - 1, Acc#{Ref => {W, R}})
        end
    end.

wait_settle(_, 0) -> ok;
wait_settle(Before, K) ->
    case length(processes()) =:= Before of
        true -> ok;
        false -> timer:sleep(10), wait_settle(Before, K - 1)
    end.
