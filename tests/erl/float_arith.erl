-module(float_arith).
-export([main/0]).

%% Basic float arithmetic, mixed int/float, and printing with ~w/~p.

main() ->
    Vs = [0.0, 1.0, -1.5, 0.1, 0.2, 1.0e-300, 1.0e300, 3.141592653589793, 2.5e-308, 123456789.125],
    [io:format("~w ~w: ~w ~w ~w ~w~n", [A, B, t(fun() -> A + B end), t(fun() -> A - B end), t(fun() -> A * B end), t(fun() -> A / B end)])
     || A <- Vs, B <- [0.1, 3.0, -7.25, 1.0e10]],
    io:format("~w~n", [0.1 + id(0.2)]),
    io:format("~w~n", [id(1) / 3]),
    io:format("~w~n", [id(2) / 2]),
    io:format("~w~n", [id(1 bsl 80) / 3]),
    io:format("~w~n", [id(1 bsl 80) * 0.5]),
    io:format("~w~n", [id(7) + 0.5]),
    io:format("~w~n", [id(-0.0) * 1]),
    io:format("~w ~w~n", [id(0.0) - 0.0, -id(0.0)]),
    io:format("~w~n", [lists:sum([0.1 || _ <- lists:seq(1, 10)])]),
    io:format("~w~n", [lists:foldl(fun(X, A) -> A * 1.0001 + X end, 0.0, lists:seq(1, 1000))]),
    io:format("~w~n", [is_float(id(1) / 1)]),
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
