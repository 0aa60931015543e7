-module(lists_fold).
-export([main/0]).

%% foldl, foldr, mapfoldl, mapfoldr, map, filter, filtermap, flatmap, foreach.

main() ->
    L = lists:seq(1, 10),
    io:format("~p~n", [lists:foldl(fun(X, A) -> [X | A] end, [], L)]),
    io:format("~p~n", [lists:foldr(fun(X, A) -> [X | A] end, [], L)]),
    io:format("~p~n", [lists:foldl(fun(X, A) -> A * 10 + X end, 0, L)]),
    io:format("~p~n", [lists:foldr(fun(X, A) -> A * 10 + X end, 0, L)]),
    io:format("~p~n", [lists:mapfoldl(fun(X, A) -> {X * 2, A + X} end, 0, L)]),
    io:format("~p~n", [lists:mapfoldr(fun(X, A) -> {{X, A}, A + 1} end, 0, [a, b, c])]),
    io:format("~p~n", [lists:map(fun(X) -> X * X end, L)]),
    io:format("~p~n", [lists:filter(fun(X) -> X rem 3 =:= 0 end, L)]),
    io:format("~p~n", [lists:filtermap(fun(X) when X rem 2 =:= 0 -> {true, X div 2}; (X) -> X > 8 end, L)]),
    io:format("~p~n", [lists:flatmap(fun(X) -> lists:duplicate(X rem 3, X) end, L)]),
    lists:foreach(fun(X) -> io:format("~w;", [X]) end, L),
    io:format("~n"),
    io:format("~p~n", [lists:foldl(fun(X, {S, P}) -> {S + X, P * X} end, {0, 1}, lists:seq(1, 25))]),
    io:format("~p~n", [t(fun() -> lists:foldl(fun(X, A) -> X + A end, 0, [1, a]) end)]),
    io:format("~p~n", [t(fun() -> lists:map(not_a_fun, [1]) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
