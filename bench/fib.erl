%% fib.erl — naive doubly recursive fib(N): calls and small-integer arithmetic.
%% group: sequential
%% args: n
%% full: 38
%% quick: 33
-module(fib).
-export([main/1]).

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

main([N]) ->
    {R, Us} = bench_lib:timed(fun() -> fib(bench_lib:int(N)) end),
    bench_lib:report(R, Us).
