-module(int_to_list_bases).
-export([main/0]).

%% integer_to_list/binary in bases 2..36.

main() ->
    Vs = [0, 1, -1, 35, 36, -36, 255, 1 bsl 59, (1 bsl 64) - 1, -(1 bsl 64), 1 bsl 100,
          123456789012345678901234567890],
    [io:format("~w ~w ~s ~s~n", [V, B, integer_to_list(V, B), integer_to_binary(V, B)])
     || V <- Vs, B <- [2, 3, 7, 8, 10, 16, 36]],
    [io:format("~w ~s~n", [B, integer_to_list(-(1 bsl 64) - 12345, B)]) || B <- lists:seq(2, 36)],
    io:format("~s ~s~n", [integer_to_list(-1234567890), integer_to_binary(1 bsl 70)]),
    io:format("~w~n", [t(fun() -> integer_to_list(10, 1) end)]),
    io:format("~w~n", [t(fun() -> integer_to_list(10, 37) end)]),
    io:format("~w~n", [t(fun() -> integer_to_list(1.0) end)]),
    io:format("~w~n", [t(fun() -> integer_to_binary(foo, 10) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
