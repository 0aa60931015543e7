-module(float_round).
-export([main/0]).

%% round, trunc, ceil, floor, float/1 over tricky values.

main() ->
    Vs = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, 1.0e15 + 0.5, 4503599627370497.0,
          1.0e20, -1.0e20, 1.0e300, 9007199254740993.0, 0.9999999999999999, -0.9999999999999999,
          2.675, 123.456, -123.456, 5, -5, 1 bsl 70],
    [io:format("~w: round ~w trunc ~w ceil ~w floor ~w~n", [V, round(V), trunc(V), ceil(V), floor(V)]) || V <- Vs],
    [io:format("float(~w) = ~w~n", [I, float(I)]) || I <- [0, 1, -1, 1 bsl 53, (1 bsl 53) + 1, (1 bsl 64) - 1, 1 bsl 100, -(1 bsl 62) - 1, 12345678901234567890123]],
    io:format("~w~n", [[round(X / 10) || X <- lists:seq(-30, 30, 5)]]),
    ok.
