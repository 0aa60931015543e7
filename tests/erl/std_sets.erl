-module(std_sets).
-export([main/0]).

%% sets (version 1 and 2): construction, membership, union/intersection/subtract, fold, filter.

main() ->
    [run(V) || V <- [1, 2]],
    ok.

run(V) ->
    io:format("version ~p~n", [V]),
    New = fun(L) -> sets:from_list(L, [{version, V}]) end,
    A = New([1, 2, 3, 4, 5, 3, 1]),
    B = New([4, 5, 6, 7]),
    io:format("  ~p ~p~n", [sets:size(A), lists:sort(sets:to_list(A))]),
    io:format("  ~p ~p~n", [sets:is_element(3, A), sets:is_element(9, A)]),
    io:format("  union ~p~n", [lists:sort(sets:to_list(sets:union(A, B)))]),
    io:format("  union3 ~p~n", [lists:sort(sets:to_list(sets:union([A, B, New([100])])))]),
    io:format("  inter ~p~n", [lists:sort(sets:to_list(sets:intersection(A, B)))]),
    io:format("  subtract ~p~n", [lists:sort(sets:to_list(sets:subtract(A, B)))]),
    io:format("  disjoint ~p ~p~n", [sets:is_disjoint(A, B), sets:is_disjoint(A, New([99]))]),
    io:format("  subset ~p ~p~n", [sets:is_subset(New([1, 2]), A), sets:is_subset(B, A)]),
    io:format("  fold ~p~n", [sets:fold(fun(X, S) -> X + S end, 0, A)]),
    io:format("  filter ~p~n", [lists:sort(sets:to_list(sets:filter(fun(X) -> X > 2 end, A)))]),
    A2 = sets:del_element(1, sets:add_element(10, A)),
    io:format("  add/del ~p~n", [lists:sort(sets:to_list(A2))]),
    io:format("  is_set ~p ~p~n", [sets:is_set(A), sets:is_set(notaset)]),
    io:format("  empty ~p ~p~n", [sets:is_empty(sets:new([{version, V}])), sets:is_empty(A)]),
    Big = New(lists:seq(1, 1000)),
    io:format("  big ~p ~p~n", [sets:size(Big), sets:fold(fun(X, S) -> X + S end, 0, Big)]),
    io:format("  del all ~p~n", [sets:size(lists:foldl(fun sets:del_element/2, Big, lists:seq(1, 1000, 2)))]).
