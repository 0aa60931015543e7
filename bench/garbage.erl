%% garbage.erl — 2 GB of short-lived terms (lists and tuples): allocation
%% and collection throughput; RSS is reported by the runner.
-module(garbage).
-export([main/0]).
loop(0, Acc) -> Acc;
loop(N, Acc) ->
    L = lists:seq(1, 1000),
    T = list_to_tuple(L),
    loop(N - 1, Acc + length(L) + tuple_size(T)).
main() ->
    T0 = erlang:monotonic_time(microsecond),
    R = loop(2000000000 div 24000, 0),
    T1 = erlang:monotonic_time(microsecond),
    io:format("RESULT ~p~nTIME_US ~p~n", [R, T1 - T0]).
