%% qsort.erl — quicksort on lists of pseudo-random integers written with
%% list comprehensions: comparisons, filtering, append.
%% group: sequential
%% args: len reps
%% full: 20000 50
%% quick: 20000 5
-module(qsort).
-export([main/1]).

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P | qsort([X || X <- T, X >= P])].

randoms(0, _, Acc) -> Acc;
randoms(N, S, Acc) -> S1 = bench_lib:lcg(S), randoms(N - 1, S1, [S1 rem 1000000 | Acc]).

loop(0, _, Acc) -> Acc;
loop(N, Len, Acc) ->
    S = qsort(randoms(Len, N, [])),
    loop(N - 1, Len, (Acc + hd(S) + lists:nth(Len div 2, S)) rem 1000000007).

main([Len, Reps]) ->
    {R, Us} = bench_lib:timed(fun() -> loop(bench_lib:int(Reps), bench_lib:int(Len), 0) end),
    bench_lib:report(R, Us).
