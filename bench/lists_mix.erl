%% lists_mix.erl — list-heavy work: nrev, lists:seq, sort, comprehensions.
-module(lists_mix).
-export([main/0]).
nrev([]) -> []; nrev([H|T]) -> nrev(T) ++ [H].
loop(0, Acc) -> Acc;
loop(N, Acc) ->
    L = lists:seq(1, 300),
    R = nrev(L),
    S = lists:sort([X * 7 rem 101 || X <- R]),
    loop(N - 1, Acc + lists:sum(S) + length(lists:reverse(R))).
main() ->
    T0 = erlang:monotonic_time(microsecond),
    R = loop(2000, 0),
    T1 = erlang:monotonic_time(microsecond),
    io:format("RESULT ~p~nTIME_US ~p~n", [R, T1 - T0]).
