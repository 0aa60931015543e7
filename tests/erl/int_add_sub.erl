-module(int_add_sub).
-export([main/0]).

%% +/- around the small/big boundary (2^59, 2^60, 2^63, 2^64), both signs.

main() ->
    Bases = [1 bsl 27, 1 bsl 31, 1 bsl 32, 1 bsl 59, 1 bsl 60, 1 bsl 63, 1 bsl 64, 1 bsl 127, 1 bsl 128],
    lists:foreach(
      fun(B) ->
              [begin
                   X = B + D,
                   io:format("~w ~w ~w ~w~n", [X, X + 1, X - 1, -X]),
                   io:format("  ~w ~w ~w~n", [X + X, X - X, -X - X])
               end || D <- [-2, -1, 0, 1]]
      end, Bases),
    %% sums that cross back into small range
    Big = id(1 bsl 64),
    io:format("~w~n", [Big - (Big - 5)]),
    io:format("~w~n", [(Big + 7) - Big]),
    io:format("~w~n", [-Big + Big]),
    io:format("~w~n", [(-(id(1) bsl 59)) - 1]),
    io:format("~w~n", [(id(1) bsl 59) - 1 + 1]),
    io:format("~w~n", [(-(id(1) bsl 59)) + 0]),
    io:format("~w~n", [id(576460752303423487) + 1]),
    io:format("~w~n", [id(-576460752303423488) - 1]),
    io:format("~w~n", [id(9223372036854775807) + 1]),
    io:format("~w~n", [id(-9223372036854775808) - 1]),
    io:format("~w~n", [id(18446744073709551615) + 1]),
    io:format("~w~n", [id(-18446744073709551616) + id(18446744073709551615)]),
    %% running sum over many values
    S = lists:foldl(fun(I, Acc) -> Acc + I * (1 bsl 58) - I end, 0, lists:seq(1, 200)),
    io:format("~w~n", [S]),
    S2 = lists:foldl(fun(I, Acc) -> Acc - I * 1234567890123456789 end, 0, lists:seq(1, 100)),
    io:format("~w~n", [S2]),
    %% mixed with floats
    io:format("~w ~w~n", [Big + 0.5, 0.5 - Big]),
    ok.

id(X) -> X.
