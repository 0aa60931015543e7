-module(hash_phash2_ints).
-export([main/0]).

%% erlang:phash2/1,2 on integers (small, big, negative) and floats.

main() ->
    Ints = [0, 1, -1, 2, 255, 256, 65535, 1 bsl 27, (1 bsl 27) - 1, -(1 bsl 27), 1 bsl 31, 1 bsl 32,
            (1 bsl 59) - 1, 1 bsl 59, -(1 bsl 59), (-(1 bsl 59)) - 1, 1 bsl 60, 1 bsl 63, 1 bsl 64, -(1 bsl 64),
            1 bsl 100, -(1 bsl 100), 123456789012345678901234567890],
    [io:format("~w ~w ~w ~w~n", [I, erlang:phash2(I), erlang:phash2(I, 1000), erlang:phash2(I, 1 bsl 32)]) || I <- Ints],
    Floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 3.141592653589793, 1.0e100, -1.0e-100, 5.0e-324, 1.7976931348623157e308,
              float(1 bsl 53), 123.0],
    [io:format("~w ~w ~w~n", [F, erlang:phash2(F), erlang:phash2(F, 7)]) || F <- Floats],
    io:format("~w~n", [lists:sum([erlang:phash2(I) || I <- lists:seq(-500, 500)])]),
    io:format("~w~n", [lists:sum([erlang:phash2(I bsl 61) || I <- lists:seq(1, 200)])]),
    io:format("~w~n", [erlang:phash2(1, 1)]),
    io:format("~w~n", [t(fun() -> erlang:phash2(1, 1 bsl 32 + 1) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
