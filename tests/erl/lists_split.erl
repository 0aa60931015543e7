-module(lists_split).
-export([main/0]).

%% split, splitwith, partition, takewhile, dropwhile, sublist, nthtail, last, droplast, prefix/suffix.

main() ->
    L = [1, 2, 3, 4, 5, 6, 7, 8, 9],
    Even = fun(X) -> X rem 2 =:= 0 end,
    Small = fun(X) -> X < 4 end,
    io:format("~p~n", [[lists:split(N, L) || N <- [0, 1, 5, 9]]]),
    io:format("~p~n", [t(fun() -> lists:split(10, L) end)]),
    io:format("~p~n", [lists:splitwith(Small, L)]),
    io:format("~p~n", [lists:splitwith(Even, L)]),
    io:format("~p~n", [lists:partition(Even, L)]),
    io:format("~p~n", [lists:takewhile(Small, L)]),
    io:format("~p~n", [lists:dropwhile(Small, L)]),
    io:format("~p~n", [[lists:sublist(L, N) || N <- [0, 3, 20]]]),
    io:format("~p~n", [[lists:sublist(L, S, N) || {S, N} <- [{1, 2}, {5, 10}, {10, 1}, {3, 0}]]]),
    io:format("~p~n", [[lists:nthtail(N, L) || N <- [0, 4, 9]]]),
    io:format("~p ~p~n", [lists:last(L), lists:droplast(L)]),
    io:format("~p ~p~n", [lists:prefix([1, 2], L), lists:prefix([2], L)]),
    io:format("~p ~p~n", [lists:suffix([8, 9], L), lists:suffix([8], L)]),
    io:format("~p~n", [t(fun() -> lists:last([]) end)]),
    io:format("~p~n", [t(fun() -> lists:droplast([]) end)]),
    io:format("~p~n", [t(fun() -> lists:nthtail(10, L) end)]),
    io:format("~p~n", [t(fun() -> lists:sublist(L, 0, 1) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
