-module(int_abs_minmax).
-export([main/0]).

%% abs, unary minus, max/min across number types.

main() ->
    Vs = [0, 3, -3, 1 bsl 59, -(1 bsl 59), (-(1 bsl 59)) - 1, 1 bsl 64, -(1 bsl 64), 2.5, -2.5, 0.0],
    [io:format("abs(~w) = ~w, -~w = ~w~n", [V, abs(V), V, -V]) || V <- Vs],
    [io:format("max(~w,~w)=~w min=~w~n", [A, B, max(A, B), min(A, B)])
     || A <- [1, 1.0, -1, 1 bsl 70], B <- [1.0, 1, 2, -(1 bsl 70)]],
    io:format("~w~n", [t(fun() -> abs(id(foo)) end)]),
    io:format("~w~n", [t(fun() -> -id(foo) end)]),
    io:format("~w ~w~n", [+(-5), +(1 bsl 80)]),
    io:format("~w~n", [t(fun() -> +(id(foo)) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
id(X) -> X.
