%% binarytrees.erl — the Benchmarks Game's binary-trees: allocates many short
%% lived trees of tuples and one long-lived tree; allocation and collection.
%% group: sequential
%% args: depth
%% full: 18
%% quick: 14
-module(binarytrees).
-export([main/1, run/1]).

make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.

check({nil, nil}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).

run(Max) ->
    Stretch = check(make(Max + 1)),
    Long = make(Max),
    Iters = [begin
                 N = 1 bsl (Max - D + 4),
                 {N, D, sum_checks(N, D, 0)}
             end || D <- lists:seq(4, Max, 2)],
    {Stretch, Iters, check(Long)}.

sum_checks(0, _, Acc) -> Acc;
sum_checks(N, D, Acc) -> sum_checks(N - 1, D, Acc + check(make(D))).

main([Depth]) ->
    {R, Us} = bench_lib:timed(fun() -> run(bench_lib:int(Depth)) end),
    bench_lib:report(R, Us).
