-module(std_gb_sets).
-export([main/0]).

%% gb_sets: construction, set algebra, iteration, smallest/largest, ranges.

main() ->
    A = gb_sets:from_list([5, 1, 9, 3, 7, 3]),
    B = gb_sets:from_list([2, 3, 4, 5]),
    io:format("~p~n", [gb_sets:to_list(A)]),
    io:format("~p ~p~n", [gb_sets:size(A), gb_sets:is_member(9, A)]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:union(A, B))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:intersection(A, B))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:difference(A, B))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:union([A, B, gb_sets:singleton(100)]))]),
    io:format("~p ~p~n", [gb_sets:smallest(A), gb_sets:largest(A)]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:add(4, gb_sets:delete(5, A)))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:filter(fun(X) -> X > 4 end, A))]),
    io:format("~p~n", [gb_sets:fold(fun(X, Acc) -> [X | Acc] end, [], A)]),
    io:format("~p~n", [it(gb_sets:iterator_from(4, A))]),
    io:format("~p ~p~n", [gb_sets:is_subset(gb_sets:from_list([1, 9]), A), gb_sets:is_disjoint(A, B)]),
    {S, A2} = gb_sets:take_smallest(A),
    io:format("~p ~p~n", [S, gb_sets:to_list(A2)]),
    io:format("~p~n", [gb_sets:next(gb_sets:iterator(gb_sets:empty()))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:subtract(A, B))]),
    io:format("~p~n", [gb_sets:is_element(1, gb_sets:balance(A))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:from_ordset([a, b, c]))]),
    Big = gb_sets:from_list([X * 7 rem 1009 || X <- lists:seq(1, 3000)]),
    io:format("~p ~p~n", [gb_sets:size(Big), lists:sum(gb_sets:to_list(Big))]),
    ok.

it(I) -> case gb_sets:next(I) of none -> []; {X, I2} -> [X | it(I2)] end.
