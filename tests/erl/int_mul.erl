-module(int_mul).
-export([main/0]).

%% Multiplication overflow from small into big and back.

main() ->
    Vals = [0, 1, -1, 2, -2, 3, 1 bsl 29, 1 bsl 30, (1 bsl 30) + 1, 1 bsl 31, 1 bsl 32,
            (1 bsl 59) - 1, 1 bsl 59, -(1 bsl 59), 1 bsl 60, (1 bsl 63) - 1, 1 bsl 63,
            1 bsl 64, -(1 bsl 64), 1 bsl 100, 16#123456789ABCDEF0123456789],
    [io:format("~w * ~w = ~w~n", [A, B, A * B]) || A <- Vals, B <- [-3, 7, (1 bsl 32) + 1, 1 bsl 63]],
    %% square chains
    sq(3, 8),
    sq(-7, 7),
    %% products
    P = lists:foldl(fun(X, Acc) -> X * Acc end, 1, lists:seq(1, 40)),
    io:format("~w~n", [P]),
    io:format("~w~n", [P * P]),
    io:format("~w~n", [P * -P]),
    io:format("~w~n", [(P * P) div P]),
    %% 64x64 boundary
    M = id(16#FFFFFFFFFFFFFFFF),
    io:format("~w~n~w~n", [M * M, -M * M]),
    io:format("~w~n", [id(4294967296) * 4294967296]),
    io:format("~w~n", [id(4294967295) * 4294967297]),
    io:format("~w~n", [id(-4294967296) * 4294967296]),
    ok.

sq(_, 0) -> ok;
sq(X, N) ->
    io:format("sq ~w~n", [X]),
    sq(X * X, N - 1).

id(X) -> X.
