-module(int_shifts).
-export([main/0]).

%% bsl/bsr with large and negative shift counts.

main() ->
    Vs = [0, 1, -1, 5, -5, 1 bsl 59, -(1 bsl 59), (1 bsl 64) + 1, -(1 bsl 64) - 1, 16#DEADBEEFCAFEBABE1234],
    Ss = [0, 1, 3, 31, 32, 59, 60, 63, 64, 65, 127, 128, 200, -1, -3, -64, -65, -200],
    [io:format("~w bsl ~w = ~w; bsr = ~w~n", [V, S, V bsl S, V bsr S]) || V <- Vs, S <- Ss],
    io:format("~w~n", [id(1) bsr 100000]),
    io:format("~w~n", [id(-1) bsr 100000]),
    io:format("~w~n", [(id(1) bsl 1000) bsr 998]),
    io:format("~w~n", [id(0) bsl 100000000]),
    io:format("~w~n", [t(fun() -> id(1) bsl 1.0 end)]),
    io:format("~w~n", [t(fun() -> id(1.0) bsr 1 end)]),
    io:format("~w~n", [t(fun() -> id(1) bsl (1 bsl 64) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
id(X) -> X.
