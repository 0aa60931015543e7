-module(map_module2).
-export([main/0]).

%% maps: fold, map, filter, filtermap, foreach, iterator/next, groups_from_list,
%% intersect, intersect_with, merge_with.

main() ->
    M = maps:from_list([{I, I * I} || I <- lists:seq(1, 10)]),
    io:format("~p~n", [maps:fold(fun(K, V, Acc) -> Acc + K * V end, 0, M)]),
    io:format("~p~n", [maps:fold(fun(K, _, Acc) -> [K | Acc] end, [], M)]),
    io:format("~p~n", [maps:map(fun(K, V) -> V - K end, M)]),
    io:format("~p~n", [maps:filter(fun(K, _) -> K rem 3 =:= 0 end, M)]),
    io:format("~p~n", [maps:filtermap(fun(K, V) when K > 7 -> {true, -V}; (K, _) -> K =:= 1 end, M)]),
    maps:foreach(fun(K, V) -> io:format("~p:~p ", [K, V]) end, #{x => 1, y => 2}),
    io:format("~n"),
    I = maps:iterator(#{a => 1, b => 2, c => 3}),
    io:format("~p~n", [walk(maps:next(I))]),
    io:format("~p~n", [maps:next(maps:iterator(#{}))]),
    io:format("~p~n", [maps:groups_from_list(fun(X) -> X rem 3 end, lists:seq(1, 10))]),
    io:format("~p~n", [maps:groups_from_list(fun(X) -> X rem 2 end, fun(X) -> X * 10 end, lists:seq(1, 6))]),
    io:format("~p~n", [maps:intersect(#{a => 1, b => 2}, #{b => 3, c => 4})]),
    io:format("~p~n", [maps:intersect_with(fun(_K, A, B) -> A + B end, #{a => 1, b => 2}, #{b => 3, c => 4})]),
    io:format("~p~n", [maps:merge_with(fun(_K, A, B) -> {A, B} end, #{a => 1, b => 2}, #{b => 3, c => 4})]),
    io:format("~p~n", [t(fun() -> maps:map(fun(V) -> V end, M) end)]),
    ok.

walk(none) -> [];
walk({K, V, I}) -> [{K, V} | walk(maps:next(I))].

t(F) -> try F() catch C:R -> {C, R} end.
