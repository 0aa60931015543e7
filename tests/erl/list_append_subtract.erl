-module(list_append_subtract).
-export([main/0]).

%% ++ and -- semantics, including duplicates and ordering.

main() ->
    io:format("~p~n", [[1, 2, 3] ++ [4, 5]]),
    io:format("~p~n", [[] ++ [a]]),
    io:format("~p~n", [[a] ++ []]),
    io:format("~p~n", [id("abc") ++ "def"]),
    io:format("~p~n", [[1, 2, 3, 2, 1] -- [2]]),
    io:format("~p~n", [[1, 2, 3, 2, 1] -- [2, 2]]),
    io:format("~p~n", [[1, 2, 3, 2, 1] -- [2, 2, 2, 1]]),
    io:format("~p~n", [[1, 2, 3] -- [3, 2, 1]]),
    io:format("~p~n", [[a, b, c] -- []]),
    io:format("~p~n", [[] -- [a]]),
    io:format("~p~n", [[1, 1.0, 1] -- [1.0]]),
    io:format("~p~n", [[1, 1.0, 1] -- [1]]),
    io:format("~p~n", [[{a, 1}, {b, 2}, {a, 1}] -- [{a, 1}]]),
    io:format("~p~n", [id([1, 2, 3]) -- [1] -- [1]]),
    io:format("~p~n", [(id([1, 2, 3]) -- [1]) -- [2]]),
    io:format("~p~n", [id([1, 2]) ++ [3] ++ [4]]),
    Big = lists:seq(1, 5000),
    io:format("~w~n", [length(Big -- lists:seq(1, 5000, 2))]),
    io:format("~w~n", [lists:sum(Big -- lists:seq(2, 5000, 3))]),
    io:format("~w~n", [length(Big ++ Big)]),
    io:format("~p~n", [t(fun() -> id(a) ++ [b] end)]),
    io:format("~p~n", [t(fun() -> id([a]) -- b end)]),
    io:format("~p~n", [t(fun() -> id(a) -- [b] end)]),
    io:format("~p~n", [t(fun() -> id([a | b]) -- [b] end)]),
    io:format("~p~n", [erlang:'++'([1], [2])]),
    io:format("~p~n", [erlang:'--'([1, 2], [2])]),
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
