-module(lists_sort).
-export([main/0]).

%% lists:sort/1,2, usort, stability with custom comparators, reverse sorting.

main() ->
    L = [5, 3, 9, 1, 3, 7, 2, 8, 2, 0, -1, 4.0, 4, 1 bsl 70, a, "s", {t}, 3.0],
    io:format("~p~n", [lists:sort(L)]),
    io:format("~p~n", [lists:usort(L)]),
    io:format("~p~n", [lists:sort(fun(A, B) -> A >= B end, L)]),
    io:format("~p~n", [lists:usort(fun(A, B) -> A >= B end, L)]),
    Ps = [{3, a}, {1, b}, {3, c}, {2, d}, {1, e}, {3, f}, {2, g}],
    io:format("~p~n", [lists:sort(fun({A, _}, {B, _}) -> A =< B end, Ps)]),
    io:format("~p~n", [lists:sort(fun({A, _}, {B, _}) -> A >= B end, Ps)]),
    io:format("~p~n", [lists:sort(fun({A, _}, {B, _}) -> A < B end, Ps)]),
    io:format("~p~n", [lists:usort(fun({A, _}, {B, _}) -> A =< B end, Ps)]),
    R = pseudo(1000, 12345, []),
    S = lists:sort(R),
    io:format("~w ~w ~w~n", [hd(S), lists:last(S), erlang:phash2(S)]),
    io:format("~w~n", [length(lists:usort(R))]),
    io:format("~w~n", [lists:sublist(lists:sort(fun(A, B) -> A > B end, R), 10)]),
    io:format("~p~n", [lists:sort([])]),
    io:format("~p~n", [lists:sort([x])]),
    io:format("~p~n", [lists:sort(["banana", "apple", "cherry", "apple", "Apple"])]),
    io:format("~p~n", [lists:reverse(lists:sort([c, a, b]))]),
    io:format("~p~n", [t(fun() -> lists:sort(a) end)]),
    io:format("~p~n", [t(fun() -> lists:sort([b, a | c]) end)]),
    ok.

pseudo(0, _, Acc) -> Acc;
pseudo(N, S, Acc) ->
    S1 = (S * 1103515245 + 12345) rem 2147483648,
    pseudo(N - 1, S1, [S1 rem 500 | Acc]).

t(F) -> try F() catch C:R -> {C, R} end.
