%% tak.erl — the Takeuchi function, repeated: deep non-tail recursion with
%% three small-integer arguments and comparisons.
%% group: sequential
%% args: reps
%% full: 1500
%% quick: 150
-module(tak).
-export([main/1]).

tak(X, Y, Z) when Y < X ->
    tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_, _, Z) -> Z.

loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + tak(18 + N rem 3, 12, 6)).

main([Reps]) ->
    {R, Us} = bench_lib:timed(fun() -> loop(bench_lib:int(Reps), 0) end),
    bench_lib:report(R, Us).
