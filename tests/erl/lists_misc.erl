-module(lists_misc).
-export([main/0]).

%% Assorted lists functions: duplicate, sum, max, min, any, all, delete, subtract, search,
%% enumerate, uniq, join, append, nth, member, seq, reverse, usort.

main() ->
    L = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
    io:format("~p~n", [lists:duplicate(3, ab)]),
    io:format("~p ~p ~p~n", [lists:sum(L), lists:max(L), lists:min(L)]),
    io:format("~p ~p~n", [lists:max([1, a, "x", {}]), lists:min([1, a, 1.0, {}])]),
    io:format("~p ~p~n", [lists:any(fun(X) -> X > 8 end, L), lists:all(fun(X) -> X > 0 end, L)]),
    io:format("~p ~p~n", [lists:any(fun(_) -> true end, []), lists:all(fun(_) -> false end, [])]),
    io:format("~p~n", [lists:delete(5, L)]),
    io:format("~p~n", [lists:delete(7, L)]),
    io:format("~p~n", [lists:subtract(L, [5, 5, 1])]),
    io:format("~p~n", [lists:search(fun(X) -> X > 4 end, L)]),
    io:format("~p~n", [lists:search(fun(X) -> X > 40 end, L)]),
    io:format("~p~n", [lists:enumerate([a, b, c])]),
    io:format("~p~n", [lists:enumerate(10, [a, b, c])]),
    io:format("~p~n", [lists:uniq(L)]),
    io:format("~p~n", [lists:uniq(fun(X) -> X rem 3 end, L)]),
    io:format("~p~n", [lists:join(", ", ["a", "b", "c"])]),
    io:format("~p~n", [lists:join(x, [])]),
    io:format("~p~n", [lists:merge([[1, 4], [2, 5], [3, 6]])]),
    io:format("~p~n", [lists:merge([1, 3, 5], [2, 3, 4])]),
    io:format("~p~n", [lists:umerge([1, 3, 5], [2, 3, 4])]),
    io:format("~p~n", [lists:merge3([1, 4], [2, 5], [3, 6])]),
    io:format("~p~n", [lists:umerge3([1, 4], [1, 5], [4, 6])]),
    io:format("~p~n", [lists:merge(fun(A, B) -> A >= B end, [5, 3, 1], [4, 2])]),
    io:format("~p~n", [lists:umerge([[1, 2], [2, 3], [3, 4]])]),
    io:format("~p~n", [lists:min([2.0, 2])]),
    io:format("~p~n", [lists:max([2.0, 2])]),
    io:format("~p~n", [t(fun() -> lists:max([]) end)]),
    io:format("~p~n", [t(fun() -> lists:sum([a]) end)]),
    io:format("~p~n", [t(fun() -> lists:duplicate(-1, a) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
