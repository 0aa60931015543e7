%% garbage.erl — short-lived terms (lists and tuples), 24 KB each, N times:
%% allocation and collection throughput of a process with a small live heap.
%% group: memory
%% args: n
%% full: 83333
%% quick: 8333
%% rss: -
-module(garbage).
-export([main/1]).

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    L = lists:seq(1, 1000),
    T = list_to_tuple(L),
    loop(N - 1, Acc + length(L) + tuple_size(T)).

main([N]) ->
    {R, Us} = bench_lib:timed(fun() -> loop(bench_lib:int(N), 0) end),
    bench_lib:report(R, Us).
