%% binarytrees_gc.erl — binary-trees (bench/binarytrees.erl) at a larger depth:
%% GC throughput with a long-lived tree of a million nodes or more on the heap.
%% group: memory
%% args: depth
%% full: 19
%% quick: 15
%% rss: -
-module(binarytrees_gc).
-export([main/1]).

main([Depth]) ->
    {R, Us} = bench_lib:timed(fun() -> binarytrees:run(bench_lib:int(Depth)) end),
    bench_lib:report(R, Us).
