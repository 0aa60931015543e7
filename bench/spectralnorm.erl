%% spectralnorm.erl — the Benchmarks Game's spectral-norm: repeated
%% matrix-vector products of an implicit matrix, floats in tuples and lists.
%% group: sequential
%% args: n
%% full: 500
%% quick: 120
-module(spectralnorm).
-export([main/1]).

a(I, J) -> 1.0 / ((I + J) * (I + J + 1) div 2 + I + 1).

%% (A * V)_i and (A^T * V)_i over V as a list indexed from 0.
av(V, N) -> [dot(fun(J) -> a(I, J) end, V, 0, 0.0) || I <- lists:seq(0, N - 1)].
atv(V, N) -> [dot(fun(J) -> a(J, I) end, V, 0, 0.0) || I <- lists:seq(0, N - 1)].

dot(_, [], _, Acc) -> Acc;
dot(F, [X | Xs], J, Acc) -> dot(F, Xs, J + 1, Acc + F(J) * X).

atav(V, N) -> atv(av(V, N), N).

run(N) ->
    U0 = lists:duplicate(N, 1.0),
    {U, V} = iterate(10, U0, N),
    VBv = lists:sum(lists:zipwith(fun(A, B) -> A * B end, U, V)),
    Vv = lists:sum([X * X || X <- V]),
    float_to_list(math:sqrt(VBv / Vv), [{decimals, 9}]).

iterate(0, U, _) -> {U, U};
iterate(1, U, N) -> V = atav(U, N), {atav(V, N), V};
iterate(K, U, N) -> V = atav(U, N), iterate(K - 1, atav(V, N), N).

main([N]) ->
    {R, Us} = bench_lib:timed(fun() -> run(bench_lib:int(N)) end),
    bench_lib:report(R, Us).
