%% proc_priority.erl — process priorities: process_flag/2 returns the old
%% value, spawn_opt sets it, process_info reports it; bad values are badarg.
%% With one scheduler (proc_priority_s1.cmd) a high-priority process runs
%% before normal ones that were queued first.
-module(proc_priority).
-export([main/0, order/0]).

main() ->
    io:format("~p~n", [process_flag(priority, high)]),
    io:format("~p~n", [process_flag(priority, low)]),
    io:format("~p~n", [process_flag(priority, max)]),
    io:format("~p~n", [process_flag(priority, normal)]),
    io:format("~p~n", [process_info(self(), priority)]),
    io:format("~p~n", [try process_flag(priority, urgent) catch C:R -> {C, R} end]),
    Self = self(),
    P = spawn_opt(fun() -> Self ! {prio, process_info(self(), priority)} end, [{priority, low}]),
    receive {prio, X} -> io:format("spawned: ~p~n", [X]) end,
    io:format("~p~n", [try spawn_opt(fun() -> ok end, [{priority, 7}]) catch C2:R2 -> {C2, R2} end]),
    is_pid(P).

%% one scheduler: the main process (normal) spawns normal ones, then a high
%% one, then waits; the high one must print first
order() ->
    Self = self(),
    [spawn(fun() -> Self ! {ran, normal, I} end) || I <- [1, 2, 3]],
    spawn_opt(fun() -> Self ! {ran, high, 0} end, [{priority, high}]),
    Got = [receive {ran, K, I} -> {K, I} end || _ <- [1, 2, 3, 4]],
    io:format("~p~n", [Got]).
