-module(std_ets_basic).
-export([main/0]).

%% ets in a single process: set, ordered_set, bag, duplicate_bag; insert, lookup, match, select, update_counter.

main() ->
    S = ets:new(s, [set]),
    true = ets:insert(S, [{a, 1}, {b, 2}, {c, 3}]),
    io:format("~p ~p~n", [ets:lookup(S, a), ets:lookup(S, z)]),
    io:format("~p~n", [lists:sort(ets:tab2list(S))]),
    io:format("~p~n", [ets:info(S, size)]),
    io:format("~p~n", [ets:update_counter(S, b, 10)]),
    io:format("~p~n", [ets:update_counter(S, n, {2, 1}, {n, 0})]),
    io:format("~p~n", [ets:insert_new(S, {a, 99})]),
    io:format("~p~n", [ets:lookup_element(S, c, 2)]),
    ets:delete(S, c),
    io:format("~p~n", [lists:sort(ets:tab2list(S))]),
    O = ets:new(o, [ordered_set]),
    ets:insert(O, [{I, I * I} || I <- [5, 3, 9, 1, 7]]),
    io:format("~p~n", [ets:tab2list(O)]),
    io:format("~p ~p ~p ~p~n", [ets:first(O), ets:last(O), ets:next(O, 3), ets:prev(O, 3)]),
    io:format("~p~n", [ets:select(O, [{{'$1', '$2'}, [{'>', '$1', 4}], ['$2']}])]),
    io:format("~p~n", [ets:match(O, {'$1', 49})]),
    io:format("~p~n", [ets:match_object(O, {'_', 9})]),
    io:format("~p~n", [ets:select_count(O, [{{'_', '$1'}, [{'<', '$1', 30}], [true]}])]),
    io:format("~p~n", [ets:foldl(fun({K, _}, A) -> K + A end, 0, O)]),
    B = ets:new(b, [bag]),
    ets:insert(B, [{k, 1}, {k, 2}, {k, 1}, {j, 3}]),
    io:format("~p~n", [lists:sort(ets:lookup(B, k))]),
    D = ets:new(d, [duplicate_bag]),
    ets:insert(D, [{k, 1}, {k, 2}, {k, 1}]),
    io:format("~p~n", [lists:sort(ets:lookup(D, k))]),
    io:format("~p~n", [ets:select(O, [{{'$1', '_'}, [], [{{'$1', '$1'}}]}], 2) =/= x]),
    Named = ets:new(girder_named_table, [named_table, public]),
    ets:insert(girder_named_table, {x, y}),
    io:format("~p ~p~n", [Named, ets:lookup(girder_named_table, x)]),
    [ets:delete(T) || T <- [S, O, B, D, Named]],
    io:format("~p~n", [t(fun() -> ets:lookup(girder_named_table, x) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
