%% proc_limit.erl — the +P limit (proc_limit.cmd runs this with +P 1024):
%% spawning past it raises system_limit, and once processes die the VM
%% spawns again.
-module(proc_limit).
-export([main/0, fill_up/0]).

%% run alone (no +P) it only checks the default limit
main() ->
    io:format("default limit ~p~n", [erlang:system_info(process_limit)]).

fill_up() ->
    Limit = erlang:system_info(process_limit),
    io:format("limit ~p~n", [Limit]),
    {Pids, Err} = fill([]),
    io:format("error: ~p, spawned some: ~p~n", [Err, length(Pids) > 900]),
    [exit(P, kill) || P <- Pids],
    wait_gone(Pids),
    P2 = spawn(fun() -> receive X -> X end end),
    io:format("spawns again: ~p~n", [is_process_alive(P2)]),
    exit(P2, kill).

fill(Acc) ->
    try spawn(fun() -> receive stop -> ok end end) of
        P -> fill([P | Acc])
    catch error:E -> {Acc, E}
    end.

wait_gone(Pids) ->
    case lists:any(fun erlang:is_process_alive/1, Pids) of
        true -> timer:sleep(10), wait_gone(Pids);
        false -> ok
    end.
