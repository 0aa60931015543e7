%% proc_sched_online.erl — system_flag(schedulers_online, N): old value
%% returned, work still runs with one scheduler online, and back.
-module(proc_sched_online).
-export([main/0]).
fib(N) when N < 2 -> N;
fib(N) -> fib(N-1) + fib(N-2).
main() ->
    N = erlang:system_info(schedulers),
    io:format("~p~n", [erlang:system_flag(schedulers_online, 1)]),
    io:format("~p~n", [erlang:system_info(schedulers_online)]),
    Self = self(),
    [spawn(fun() -> Self ! fib(22) end) || _ <- lists:seq(1, 8)],
    io:format("~p~n", [lists:sum([receive X -> X end || _ <- lists:seq(1, 8)])]),
    io:format("~p~n", [erlang:system_flag(schedulers_online, N)]),
    io:format("~p~n", [erlang:system_info(schedulers_online) =:= N]).
