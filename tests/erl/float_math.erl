-module(float_math).
-export([main/0]).

%% The math module.

main() ->
    One = [sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, atanh, exp, log, log2, log10, sqrt, erf, erfc,
           ceil, floor],
    Args = [0.5, 0, -0.25, 1],
    [io:format("~w(~w) = ~p~n", [F, A, t(fun() -> math:F(A) end)]) || F <- One, A <- Args],
    io:format("acosh ~p~n", [math:acosh(2.0)]),
    io:format("pi ~p~n", [math:pi()]),
    [io:format("pow(~w,~w) = ~p~n", [A, B, t(fun() -> math:pow(A, B) end)]) || {A, B} <- [{2, 10}, {2, 0.5}, {-8, 1 / 3}, {0, 0}, {10, -2}, {2.0, 1023}, {-2, 3}]],
    [io:format("atan2(~w,~w) = ~p~n", [A, B, math:atan2(A, B)]) || {A, B} <- [{1, 1}, {-1, -1}, {0, -1}, {1, 0}]],
    [io:format("fmod(~w,~w) = ~p~n", [A, B, t(fun() -> math:fmod(A, B) end)]) || {A, B} <- [{7, 3}, {-7, 3}, {7.5, 2}, {1, 0}]],
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
