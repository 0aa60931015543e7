-module(std_gb_trees).
-export([main/0]).

%% gb_trees: insert, enter, lookup, get, delete, iterators, smallest/largest, balance, map.

main() ->
    T = lists:foldl(fun(K, Acc) -> gb_trees:insert(K, K * K, Acc) end, gb_trees:empty(), [5, 3, 8, 1, 4, 7, 9, 2, 6]),
    io:format("~p~n", [gb_trees:to_list(T)]),
    io:format("~p ~p~n", [gb_trees:size(T), gb_trees:is_empty(T)]),
    io:format("~p ~p~n", [gb_trees:lookup(4, T), gb_trees:lookup(40, T)]),
    io:format("~p ~p~n", [gb_trees:get(7, T), gb_trees:is_defined(7, T)]),
    io:format("~p ~p~n", [gb_trees:smallest(T), gb_trees:largest(T)]),
    T2 = gb_trees:enter(4, four, gb_trees:delete(5, T)),
    io:format("~p~n", [gb_trees:to_list(T2)]),
    io:format("~p~n", [gb_trees:keys(T2)]),
    io:format("~p~n", [gb_trees:values(gb_trees:map(fun(K, V) -> {K, V} end, T2))]),
    {K1, V1, T3} = gb_trees:take_smallest(T2),
    {K2, V2, _} = gb_trees:take_largest(T3),
    io:format("~p~n", [{K1, V1, K2, V2}]),
    io:format("~p~n", [iter(gb_trees:iterator(T))]),
    io:format("~p~n", [iter(gb_trees:iterator_from(6, T))]),
    io:format("~p~n", [gb_trees:delete_any(100, T) =:= T]),
    io:format("~p~n", [gb_trees:update(1, one, T) =/= T]),
    Big = lists:foldl(fun(K, Acc) -> gb_trees:enter(K rem 977, K, Acc) end, gb_trees:empty(), lists:seq(1, 5000)),
    io:format("~p ~p~n", [gb_trees:size(Big), lists:sum(gb_trees:values(Big))]),
    io:format("~p~n", [gb_trees:to_list(gb_trees:from_orddict([{a, 1}, {b, 2}]))]),
    io:format("~p~n", [gb_trees:balance(gb_trees:from_orddict([{x, 1}]))]),
    io:format("~p~n", [gb_trees:take(3, T) =/= error]),
    io:format("~p~n", [t(fun() -> gb_trees:insert(5, dup, T) end)]),
    io:format("~p~n", [t(fun() -> gb_trees:get(50, T) end)]),
    ok.

iter(I) ->
    case gb_trees:next(I) of
        none -> [];
        {K, _, I2} -> [K | iter(I2)]
    end.

t(F) -> try F() catch C:R -> {C, R} end.
