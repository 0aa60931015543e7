%% pidigits.erl — the Benchmarks Game's pidigits: the unbounded spigot
%% algorithm for digits of pi, bignum multiply, add and divide.
%% group: sequential
%% args: digits
%% full: 3000
%% quick: 800
-module(pidigits).
-export([main/1]).

run(N) -> digits(N, 1, 0, 1, 1, 1, []).

%% State (Q, R, T) of the linear fractional transform, K the term number.
digits(0, _, _, _, _, _, Acc) -> list_to_integer(lists:reverse(Acc)) rem 1000000007;
digits(N, Q, R, T, K, _, Acc) ->
    case extract(Q, R, T, 3) =:= extract(Q, R, T, 4) of
        true ->
            D = extract(Q, R, T, 3),
            digits(N - 1, Q * 10, 10 * (R - D * T), T, K, 0, [$0 + D | Acc]);
        false ->
            L = 2 * K + 1,
            digits(N, Q * K, (2 * Q + R) * L, T * L, K + 1, 0, Acc)
    end.

extract(Q, R, T, X) -> (Q * X + R) div T.

main([N]) ->
    {R, Us} = bench_lib:timed(fun() -> run(bench_lib:int(N)) end),
    bench_lib:report(R, Us).
